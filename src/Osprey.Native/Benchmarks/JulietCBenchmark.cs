using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Osprey.Native.Sandbox;
using Osprey.Native.Toolchain;
using Osprey.Native.Triage;

namespace Osprey.Native.Benchmarks;

/// <summary>
/// Measures Osprey's sanitizer verifier on the Juliet C/C++ suite. Cases are built in batches
/// (one compiler call per language and one link per batch, with a generated dispatcher as
/// <c>main</c>) under AddressSanitizer and UBSan; then each case's <c>bad</c> and <c>good</c>
/// functions run in their own sandboxed processes. Cases whose bad path reads standard input are
/// run once per candidate input (extreme numbers and bytes, repeated so that every read gets one).
/// A crash counts only when a sanitizer explains it; triage classifies it into a CWE. Optionally
/// cppcheck and the clang static analyzer run on the same batches. Rerun with
/// <c>await JulietCBenchmark.RunAsync(new() { JulietRoot = …, WorkDirectory = … })</c> or the
/// bench's <c>native-juliet</c> command.
/// </summary>
public static class JulietCBenchmark
{
    // Unsigned wrap-around and implicit truncation are not undefined in C, but Juliet's CWE-190/191
    // cases for unsigned and char types are exactly that; the checks are on for this benchmark.
    // Array-bounds checks are left to ASan, whose reports say which region (stack or heap) and
    // which direction (overflow or underflow) was hit.
    private const string Sanitizers = "-fsanitize=address,undefined,float-divide-by-zero,unsigned-integer-overflow,implicit-integer-truncation -fno-sanitize=array-bounds";

    /// <summary>Runs the benchmark; <paramref name="progress"/> receives one line per case.</summary>
    public static async Task<JulietCBenchmarkResult> RunAsync(JulietCBenchmarkOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var toolchain = await NativeToolchain.DetectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!toolchain.CanRunSanitized || toolchain.ClangXx is null)
        {
            throw new InvalidOperationException("The Juliet benchmark needs clang with sanitizers. " + toolchain.Describe());
        }

        var clock = Stopwatch.StartNew();
        var testcases = Path.Combine(options.JulietRoot, "testcases");
        var support = Path.Combine(options.JulietRoot, "testcasesupport");
        Directory.CreateDirectory(options.WorkDirectory);
        var sandbox = new NativeSandbox(toolchain, 2048, FindOnPath("setsid"));
        var supportObjects = await BuildSupportAsync(toolchain, support, options.WorkDirectory, cancellationToken).ConfigureAwait(false);
        var cppcheck = options.CompareStaticTools ? FindOnPath("cppcheck") : null;
        var analyzer = options.CompareStaticTools ? toolchain.Clang : null;

        var eligible = ImmutableDictionary.CreateBuilder<int, int>();
        var selected = new List<JulietCase>();
        foreach (var cwe in options.Cwes)
        {
            var all = JulietCase.Discover(testcases, cwe).ToList();
            eligible[cwe] = all.Count;
            selected.AddRange(options.SamplePerFlowVariant > 0 ? JulietCase.StratifiedSample(all, options.SamplePerFlowVariant, options.SampleSeed) : JulietCase.Sample(all, options.SamplePerCwe, options.SampleSeed));
        }

        var batches = JulietBatch.Plan(selected, options.BatchSize);
        var results = new ConcurrentBag<JulietCaseResult>();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var work = Path.Combine(options.WorkDirectory, "batch" + batch.Index);
                var build = await JulietBatchBuilder.BuildAsync(toolchain, batch, support, supportObjects, Sanitizers, work, token).ConfigureAwait(false);
                var statics = options.CompareStaticTools ? await JulietStaticRun.RunAsync(cppcheck, analyzer, batch, support, work, token).ConfigureAwait(false) : null;
                foreach (var @case in batch.Cases)
                {
                    var result = build.Programs.TryGetValue(@case.Name, out var program)
                        ? await JulietCaseRunner.RunAsync(sandbox, program, @case, work, options.RunTimeout, token).ConfigureAwait(false)
                        : new JulietCaseResult { Name = @case.Name, Cwe = @case.Cwe, BuildError = build.Errors.GetValueOrDefault(@case.Name, "not built") };
                    results.Add(statics is null || result.BuildError is not null ? result : statics.Apply(result));
                }

                if (!options.KeepWork)
                {
                    Directory.Delete(work, recursive: true);
                }

                if (options.OnBatchFinished is { } onBatch)
                {
                    lock (results)
                    {
                        onBatch(Snapshot(results, eligible.ToImmutable(), clock.Elapsed));
                    }
                }

                progress?.Report($"batch {batch.Index + 1}/{batches.Length} (CWE-{batch.Cwe}, {batch.Cases.Length} cases, {build.Errors.Count} not built): {results.Count}/{selected.Count} cases done, {results.Count(r => r.BadConfirmed)} bad confirmed, {results.Count(r => r.GoodFlagged)} good flagged, {clock.Elapsed.TotalMinutes:F1} min");
            }).ConfigureAwait(false);

        return Snapshot(results, eligible.ToImmutable(), clock.Elapsed);
    }

    private static JulietCBenchmarkResult Snapshot(IEnumerable<JulietCaseResult> results, ImmutableDictionary<int, int> eligible, TimeSpan elapsed) => new()
    {
        Cases = [.. results.OrderBy(r => r.Cwe).ThenBy(r => r.Name, StringComparer.Ordinal)],
        EligibleCases = eligible,
        Duration = elapsed,
    };

    // Juliet's io.c and std_thread.c, the instrumented wide-string functions, and a constructor that makes stdout unbuffered so that the
    // good/bad markers are written before a sanitizer aborts the program.
    private static async Task<ImmutableArray<string>> BuildSupportAsync(NativeToolchain toolchain, string support, string work, CancellationToken cancellationToken)
    {
        var unbuffered = Path.Combine(work, "osprey_unbuffered.c");
        await File.WriteAllTextAsync(unbuffered, "#include <stdio.h>\n__attribute__((constructor)) static void osprey_unbuffer(void) { setvbuf(stdout, NULL, _IONBF, 0); }\n", cancellationToken).ConfigureAwait(false);
        var wide = Path.Combine(work, WideStringChecks.FileName);
        await File.WriteAllTextAsync(wide, WideStringChecks.Source, cancellationToken).ConfigureAwait(false);
        var objects = ImmutableArray.CreateBuilder<string>();
        foreach (var source in new[] { Path.Combine(support, "io.c"), Path.Combine(support, "std_thread.c"), unbuffered, wide })
        {
            var output = Path.Combine(work, Path.GetFileNameWithoutExtension(source) + ".o");
            var args = ImmutableArray.Create([.. Sanitizers.Split(' '), "-fno-sanitize-recover=all", "-fno-builtin", "-g", "-O0", "-w", $"-I{support}", "-c", source, "-o", output]);
            var result = await ProcessRunner.RunAsync(new ProcessSpec(toolchain.Clang!, args) { WorkingDirectory = work }, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"Juliet support file {source} did not build: {result.StandardError}");
            }

            objects.Add(output);
        }

        return objects.ToImmutable();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
