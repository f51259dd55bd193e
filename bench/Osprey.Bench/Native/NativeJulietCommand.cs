using System.Collections.Immutable;
using System.Globalization;
using Osprey.Bench.Cli;
using Osprey.Bench.Commands;
using Osprey.Bench.Reporting;
using Osprey.Native.Benchmarks;

namespace Osprey.Bench.Native;

/// <summary>
/// <c>native-juliet --path &lt;Juliet C/C++ checkout&gt; --work &lt;dir&gt; [--per-variant N | --per-cwe N] [--seed S] [--cwe 121,122] [--batch 80] [--parallel 2] [--out &lt;dir&gt;]</c>:
/// Osprey's sanitizer verifier, cppcheck and the clang static analyzer on the same Juliet C/C++
/// cases. Without a sample option every eligible case runs.
/// </summary>
internal static class NativeJulietCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "path", "work", "out", "per-variant", "per-cwe", "seed", "cwe", "batch", "parallel", "keep-work" };

    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(args.Required("path"));
        if (!Directory.Exists(Path.Combine(path, "testcases")))
        {
            throw new BenchUsageException($"--path '{path}' has no testcases folder: it is not the Juliet C/C++ suite.");
        }

        var work = Path.GetFullPath(args.Required("work"));
        WorkFolder.EnsureOutside(work, path);
        var options = new JulietCBenchmarkOptions
        {
            JulietRoot = path,
            WorkDirectory = work,
            SamplePerFlowVariant = args.Int("per-variant", 0),
            SamplePerCwe = args.Int("per-cwe", 0),
            SampleSeed = args.Int("seed", 20261129),
            BatchSize = args.Int("batch", 80),
            Parallelism = args.Int("parallel", 2),
            KeepWork = args.Optional("keep-work") is "true" or "yes",
        };
        if (args.Optional("cwe") is not null)
        {
            options = options with { Cwes = [.. args.List("cwe", []).Select(c => int.Parse(c.Replace("CWE", "", StringComparison.OrdinalIgnoreCase), CultureInfo.InvariantCulture))] };
        }

        var startedAt = time.GetUtcNow();
        var sample = options.SamplePerFlowVariant > 0 ? $"{options.SamplePerFlowVariant} per CWE and flow variant, seed {options.SampleSeed}" : options.SamplePerCwe > 0 ? $"{options.SamplePerCwe} per CWE spread over the flow variants, seed {options.SampleSeed}" : "all";
        var output = args.Optional("out");
        void Write(JulietCBenchmarkResult result, bool finished)
        {
            if (output is null)
            {
                return;
            }

            BenchJson.Write(Path.Combine(output, "native-juliet.json"), new { benchmark = "native-juliet", suite = path, startedAt, sample, finished, minutes = result.Duration.TotalMinutes, eligible = result.EligibleCases, cases = result.Cases });
            File.WriteAllText(Path.Combine(output, "native-juliet.md"), $"Sample: {sample}; {(finished ? "finished" : "partial")}.\n\n" + result.ToMarkdown());
        }

        options = options with { OnBatchFinished = r => Write(r, finished: false) };
        var final = await JulietCBenchmark.RunAsync(options, new Progress<string>(line => stderr.WriteLine(line)), cancellationToken);
        Write(final, finished: true);
        await stdout.WriteAsync(final.ToMarkdown());
        return 0;
    }
}
