using System.Globalization;
using System.Text;
using Osprey.Bench.Cli;
using Osprey.Bench.Reporting;
using Osprey.Bench.Throughput;

namespace Osprey.Bench.Commands;

/// <summary><c>throughput --path &lt;folder|.sln|.csproj&gt; [--repeat 3] [--scs] [--work dir] [--out dir]</c>, and the hidden child mode.</summary>
internal static class ThroughputCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "path", "repeat", "scs", "work", "out" };

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

        var work = Path.GetFullPath(args.Optional("work") ?? Path.Combine(Path.GetTempPath(), "osprey-bench", "throughput"));
        WorkFolder.EnsureOutside(work, Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!);
        var result = await ThroughputBenchmark.RunAsync(path, repeat, args.Flag("scs"), work, time.GetUtcNow(), stderr, cancellationToken);
        if (args.Optional("out") is { } output)
        {
            BenchJson.Write(Path.Combine(output, "throughput.json"), result);
        }

        await stdout.WriteAsync(Render(result));
        return result.Roslyn.MedianSeconds > 0 ? 0 : 1;
    }

    /// <summary>The result as a Markdown table.</summary>
    public static string Render(ThroughputResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Throughput on `{result.Path}`: {result.Files} files, {result.Projects} project(s), {result.Lines} lines.");
        text.AppendLine();
        text.AppendLine("| mode | median s | median CPU s | runs (s) | lines/s | peak working set |");
        text.AppendLine("|---|---:|---:|---|---:|---:|");
        Row(text, "(a) Roslyn parse + bind", result.Roslyn);
        Row(text, "(b) Osprey scan", result.Osprey);
        text.AppendLine();
        text.AppendLine(result.Ratio is { } ratio
            ? string.Create(CultureInfo.InvariantCulture, $"Ratio b/a: {ratio:0.00}")
            : "Ratio b/a: n/a (" + (result.Osprey.Samples.Select(s => s.Error).FirstOrDefault(e => e is not null) ?? "a mode failed") + ")");
        if (result.Build is { } build)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"dotnet build: {build.PlainSeconds:0.0} s plain, {build.ScsSeconds:0.0} s with Security Code Scan (CPU {build.PlainCpuSeconds:0.0} s / {build.ScsCpuSeconds:0.0} s){(build.Errors.Count > 0 ? "; " + string.Join("; ", build.Errors) : "")}"));
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, ModeResult mode) =>
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {mode.MedianSeconds:0.00} | {mode.MedianCpuSeconds:0.00} | {string.Join(", ", mode.Samples.Select(s => s.Error is null ? s.Seconds.ToString("0.00", CultureInfo.InvariantCulture) : "failed"))} | {mode.LinesPerSecond:0} | {mode.PeakWorkingSetBytes / 1048576.0:0} MiB |"));
}
