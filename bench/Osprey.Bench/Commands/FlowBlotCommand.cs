using Osprey.Bench.Cli;
using Osprey.Bench.FlowBlot;
using Osprey.Bench.InProcess;
using Osprey.Bench.Peers;
using Osprey.Bench.Reporting;

namespace Osprey.Bench.Commands;

/// <summary><c>flowblot --path &lt;checkout&gt; --truth &lt;bench-truth/flowblot&gt; --out &lt;dir&gt; [--tools …] [--projects A,B] [--work dir] [--merge earlier.json]</c></summary>
internal static class FlowBlotCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "path", "truth", "tools", "projects", "work", "out", "merge" };

    /// <summary>Runs the benchmark and writes flowblot.json, flowblot.md and flowblot.png into --out.</summary>
    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var checkout = Path.GetFullPath(args.Required("path"));
        var truth = Path.GetFullPath(args.Required("truth"));
        if (!Directory.Exists(checkout) || !Directory.Exists(truth))
        {
            throw new BenchUsageException($"Both --path ('{checkout}') and --truth ('{truth}') must be existing folders.");
        }

        var output = args.Required("out");
        var tools = args.List("tools", [OspreyScanner.ToolName, PeerTool.SecurityCodeScan.Name, PeerTool.NetAnalyzers.Name]);
        foreach (var tool in tools.Where(t => t != OspreyScanner.ToolName && !PeerTool.ByName.ContainsKey(t)))
        {
            throw new BenchUsageException($"Unknown tool '{tool}': use osprey, {string.Join(", ", PeerTool.ByName.Keys)}.");
        }

        var projects = args.List("projects", []);
        var settings = new FlowBlotSettings(
            checkout,
            truth,
            projects.Count == 0 ? null : projects.ToHashSet(StringComparer.Ordinal),
            tools,
            Path.GetFullPath(args.Optional("work") ?? Path.Combine(Path.GetTempPath(), "osprey-bench", "flowblot")));
        WorkFolder.EnsureOutside(settings.WorkFolder, checkout);
        var merge = args.Optional("merge");
        var results = await new FlowBlotBenchmark(settings, stderr).RunAsync(time.GetUtcNow(), r => WriteOutputs(output, JulietCommand.Merged(r, merge)), cancellationToken);
        await stdout.WriteAsync(WriteOutputs(output, JulietCommand.Merged(results, merge)));
        return 0;
    }

    private static string WriteOutputs(string output, BenchResults results)
    {
        Directory.CreateDirectory(output);
        BenchJson.Write(Path.Combine(output, "flowblot.json"), results);
        var markdown = MarkdownTables.Render(results, "CWE");
        File.WriteAllText(Path.Combine(output, "flowblot.md"), markdown);
        ResultChart.Write(Path.Combine(output, "flowblot.png"), results, "analysis concept (projects whose sink uses the input)", t => t.InputSinkConcepts ?? t.Concepts ?? []);
        return markdown;
    }
}
