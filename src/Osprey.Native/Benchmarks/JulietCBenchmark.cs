using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Osprey.Native.Sandbox;
using Osprey.Native.Toolchain;
using Osprey.Native.Triage;

namespace Osprey.Native.Benchmarks;

/// <summary>
/// Measures Osprey's sanitizer verifier on the Juliet C/C++ suite: each case is built once as a
/// standalone program (Juliet's own <c>main</c>, <c>-DINCLUDEMAIN</c>) with AddressSanitizer and
/// UBSan, and run in the native sandbox. Juliet's main runs the good function, then the bad one,
/// printing a marker before each; with standard output unbuffered the last marker before a crash
/// says which one crashed. Cases whose bad path reads standard input are run once per candidate
/// input (extreme numbers and bytes, repeated so that every read gets one). A crash counts only
/// when a sanitizer explains it; triage classifies it into a CWE. Optionally cppcheck and the
/// clang static analyzer run on the same cases. Rerun with
/// <c>await JulietCBenchmark.RunAsync(new() { JulietRoot = …, WorkDirectory = … })</c>.
/// </summary>
public static class JulietCBenchmark
{
    private static readonly string[] StdinCandidates =
        ["", "\x7f", "\x80", "0", "-1", "10", "100", "127", "-128", "255", "32767", "-32768", "65535", "2147483647", "-2147483648", "4294967295", "9223372036854775807", "-9223372036854775808"];

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
            selected.AddRange(JulietCase.Sample(all, options.SamplePerCwe));
        }

        var results = new ConcurrentDictionary<int, JulietCaseResult>();
        await Parallel.ForEachAsync(
            selected.Select((c, i) => (Case: c, Index: i)),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var work = Path.Combine(options.WorkDirectory, "case" + item.Index);
                Directory.CreateDirectory(work);
                var result = await RunCaseAsync(toolchain, sandbox, item.Case, support, supportObjects, work, options, token).ConfigureAwait(false);
                if (options.CompareStaticTools && result.BuildError is null)
                {
                    result = result with
                    {
                        CppcheckBad = await JulietStaticTools.CppcheckAsync(cppcheck, item.Case, support, "OMITGOOD", work, token).ConfigureAwait(false),
                        CppcheckGood = await JulietStaticTools.CppcheckAsync(cppcheck, item.Case, support, "OMITBAD", work, token).ConfigureAwait(false),
                        ClangAnalyzerBad = await JulietStaticTools.ClangAnalyzerAsync(analyzer, item.Case, support, "OMITGOOD", work, token).ConfigureAwait(false),
                        ClangAnalyzerGood = await JulietStaticTools.ClangAnalyzerAsync(analyzer, item.Case, support, "OMITBAD", work, token).ConfigureAwait(false),
                    };
                }

                results[item.Index] = result;
                if (!options.KeepWork)
                {
                    Directory.Delete(work, recursive: true);
                }

                progress?.Report($"{results.Count}/{selected.Count} {result.Name}: bad={(result.BuildError is null ? result.BadConfirmed : "build failed")} good-flagged={result.GoodFlagged} rule={result.RuleId}");
            }).ConfigureAwait(false);

        return new JulietCBenchmarkResult
        {
            Cases = [.. results.OrderBy(r => r.Key).Select(r => r.Value)],
            EligibleCases = eligible.ToImmutable(),
            Duration = clock.Elapsed,
        };
    }

    private static async Task<JulietCaseResult> RunCaseAsync(NativeToolchain toolchain, NativeSandbox sandbox, JulietCase @case, string support, ImmutableArray<string> supportObjects, string work, JulietCBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var exe = Path.Combine(work, "case");
        var compiler = @case.IsCpp ? toolchain.ClangXx! : toolchain.Clang!;
        var args = ImmutableArray.CreateBuilder<string>();
        args.AddRange(Sanitizers.Split(' '));
        args.AddRange("-fno-sanitize-recover=all", "-fno-omit-frame-pointer", "-g", "-O0", "-w", "-DINCLUDEMAIN", $"-I{support}", $"-I{Path.GetDirectoryName(@case.Files[0])}");
        args.AddRange(@case.Files);
        args.AddRange(supportObjects);
        args.AddRange("-o", exe, "-lpthread", "-lm");
        var build = await ProcessRunner.RunAsync(new ProcessSpec(compiler, args.ToImmutable()) { WorkingDirectory = work, Timeout = TimeSpan.FromMinutes(3) }, cancellationToken).ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            var firstError = build.StandardError.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? build.StandardError.Trim();
            return new JulietCaseResult { Name = @case.Name, Cwe = @case.Cwe, BuildError = firstError };
        }

        var readsInput = @case.Files.Any(f => File.ReadAllText(f) is var text && (text.Contains("stdin", StringComparison.Ordinal) || text.Contains("fgets", StringComparison.Ordinal)));
        var inputs = readsInput ? StdinCandidates : [""];
        var badConfirmed = false;
        var goodFlagged = false;
        CrashClass? crashClass = null;
        foreach (var input in inputs)
        {
            var spec = sandbox.Wrap(exe, [], work, options.RunTimeout) with { StandardInput = Encoding.Latin1.GetBytes(string.Concat(Enumerable.Repeat(input.Length == 1 ? input : input + "\n", 16))) };
            var run = await ProcessRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            if (run.ExitCode == 0 || SanitizerReportParser.Parse(run.StandardError) is not { } report)
            {
                continue;
            }

            var lastMarker = run.StandardOutput.Split('\n').LastOrDefault(l => l.StartsWith("Calling ", StringComparison.Ordinal) || l.StartsWith("Finished ", StringComparison.Ordinal));
            if (lastMarker == "Calling bad()...")
            {
                badConfirmed = true;
                crashClass ??= CrashClassifier.Classify(report);
            }
            else
            {
                goodFlagged = true;
            }
        }

        return new JulietCaseResult
        {
            Name = @case.Name,
            Cwe = @case.Cwe,
            BadConfirmed = badConfirmed,
            GoodFlagged = goodFlagged,
            ClassifiedCwes = crashClass?.Cwes ?? [],
            RuleId = crashClass?.RuleId,
            ReadsInput = readsInput,
        };
    }

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
