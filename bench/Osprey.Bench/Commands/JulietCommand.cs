using Osprey.Bench.Cli;
using Osprey.Bench.Juliet;
using Osprey.Bench.InProcess;
using Osprey.Bench.Peers;
using Osprey.Bench.Reporting;

namespace Osprey.Bench.Commands;

/// <summary><c>juliet-cs --path &lt;checkout&gt; [--cwe 78,89] [--tools osprey,scs,netanalyzers] [--peer-cwe …] [--verify] [--work dir] [--merge earlier.json] [--cases] --out &lt;dir&gt;</c></summary>
internal static class JulietCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "path", "cwe", "tools", "peer-cwe", "verify", "work", "out", "merge", "cases" }.Union(Proof.JulietProofCommand.Options).ToHashSet();

    /// <summary>Runs the benchmark and writes juliet-cs.json, juliet-cs.md and juliet-cs.png into --out.</summary>
    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        if (args.Flag("verify"))
        {
            // Proving is its own run: Osprey only, on the injection CWEs, with its own table.
            return await Proof.JulietProofCommand.RunAsync(args, stdout, stderr, time, cancellationToken);
        }

        var suite = JulietSuite.Locate(args.Required("path"));
        var output = args.Required("out");
        var tools = args.List("tools", [OspreyScanner.ToolName, PeerTool.SecurityCodeScan.Name, PeerTool.NetAnalyzers.Name]);
        foreach (var tool in tools.Where(t => t != OspreyScanner.ToolName && !PeerTool.ByName.ContainsKey(t)))
        {
            throw new BenchUsageException($"Unknown tool '{tool}': use osprey, {string.Join(", ", PeerTool.ByName.Keys)}.");
        }

        var cwes = Cwes(args, "cwe");
        var settings = new JulietSettings(
            suite,
            cwes,
            tools,
            (IReadOnlySet<int>?)Cwes(args, "peer-cwe")?.ToHashSet() ?? JulietSettings.InjectionCwes,
            args.Flag("verify"),
            Path.GetFullPath(args.Optional("work") ?? Path.Combine(Path.GetTempPath(), "osprey-bench", "juliet")),
            args.Flag("cases") ? output : null);
        WorkFolder.EnsureOutside(settings.WorkFolder, suite.TestCases);
        Directory.CreateDirectory(output);
        var merge = args.Optional("merge");
        var results = await new JulietBenchmark(settings, stderr).RunAsync(time.GetUtcNow(), r => WriteOutputs(output, Merged(r, merge)), cancellationToken);
        await stdout.WriteAsync(WriteOutputs(output, Merged(results, merge)));
        return 0;
    }

    /// <summary>The results with the tools of the earlier run at <paramref name="merge"/> added, when given.</summary>
    public static BenchResults Merged(BenchResults results, string? merge)
    {
        if (merge is not null)
        {
            BenchResultsMerge.AddEarlierTools(results, merge);
        }

        return results;
    }

    private static string WriteOutputs(string output, BenchResults results)
    {
        BenchJson.Write(Path.Combine(output, "juliet-cs.json"), results);
        var markdown = MarkdownTables.Render(results, "CWE");
        File.WriteAllText(Path.Combine(output, "juliet-cs.md"), markdown);
        ResultChart.Write(Path.Combine(output, "juliet-cs.png"), results, "CWE", t => t.Cwe);
        return markdown;
    }

    /// <summary>A comma-separated list of CWE numbers (<c>78,CWE-89</c>), or null when the option is absent.</summary>
    public static IReadOnlyList<int>? Cwes(BenchArguments args, string name)
    {
        var values = args.List(name, []);
        if (values.Count == 0)
        {
            return null;
        }

        var cwes = new List<int>();
        foreach (var value in values)
        {
            var digits = value.StartsWith("CWE", StringComparison.OrdinalIgnoreCase) ? value[3..].TrimStart('-') : value;
            cwes.Add(int.TryParse(digits, out var cwe) ? cwe : throw new BenchUsageException($"--{name}: '{value}' is not a CWE number."));
        }

        return cwes;
    }
}
