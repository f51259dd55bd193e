using Osprey.Bench.Cli;
using Osprey.Bench.Reporting;
using Osprey.Bench.Throughput;

namespace Osprey.Bench.Commands;

/// <summary><c>throughput --path &lt;folder|.sln|.csproj&gt; [--repeat 3] [--baseline loader|framework] [--scs] [--local] [--work dir] [--out dir]</c>, and the hidden child mode (<c>--local</c>: local sources count too).</summary>
internal static class ThroughputCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "path", "repeat", "baseline", "scs", "local", "work", "out" };

    /// <summary>Options of the hidden child subcommand.</summary>
    public static readonly IReadOnlySet<string> ChildOptions = new HashSet<string> { "mode", "path" };

    /// <summary>Measures and prints a table; writes throughput.json into --out when given.</summary>
    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = args.Required("path");
        var repeat = args.Int("repeat", 3);
        if (repeat < 1)
        {
            throw new BenchUsageException("--repeat must be at least 1.");
        }

        var baseline = args.Optional("baseline") ?? "loader";
        var baselineMode = baseline switch
        {
            "loader" => "roslyn",
            "framework" => "roslyn-framework",
            _ => throw new BenchUsageException($"--baseline must be loader or framework, not '{baseline}'."),
        };
        var work = Path.GetFullPath(args.Optional("work") ?? Path.Combine(Path.GetTempPath(), "osprey-bench", "throughput"));
        WorkFolder.EnsureOutside(work, Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!);
        var result = await ThroughputBenchmark.RunAsync(path, repeat, baselineMode, args.Flag("scs"), args.Flag("local"), work, time.GetUtcNow(), stderr, cancellationToken);
        if (args.Optional("out") is { } output)
        {
            BenchJson.Write(Path.Combine(output, "throughput.json"), result);
        }

        await stdout.WriteAsync(Render(result));
        return result.Roslyn.MedianSeconds > 0 ? 0 : 1;
    }

    /// <summary>The result as Markdown.</summary>
    public static string Render(ThroughputResult result) => ThroughputReport.Render(result);
}
