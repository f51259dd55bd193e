using System.Collections.Immutable;
using System.Globalization;
using Osprey.Bench.InProcess;
using Osprey.Bench.Peers;
using Osprey.Bench.Reporting;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.FlowBlot;

/// <summary>What a <c>flowblot</c> run covers.</summary>
/// <param name="Checkout">The FlowBlot.NET checkout.</param>
/// <param name="TruthFolder">Folder holding <c>&lt;project&gt;/truth.sarif</c>.</param>
/// <param name="Projects">Project folder names to run; null for every project with a truth file.</param>
/// <param name="Tools">Tool names.</param>
/// <param name="WorkFolder">Where generated projects go; outside the checkout.</param>
internal sealed record FlowBlotSettings(string Checkout, string TruthFolder, IReadOnlySet<string>? Projects, IReadOnlyList<string> Tools, string WorkFolder);

/// <summary>Scores Osprey and the peers on FlowBlot.NET per project CWE and per analysis concept.</summary>
internal sealed class FlowBlotBenchmark(FlowBlotSettings settings, TextWriter progress)
{
    // FlowBlot's projects target net6.0 with these packages; the generated projects compile the
    // same files for the installed framework with the same libraries.
    private static readonly ImmutableArray<PackageRef> Libraries =
    [
        new("Microsoft.Data.SqlClient", "5.2.1"),
        new("System.CodeDom", "8.0.0"),
    ];

    /// <summary>
    /// Runs every tool on every selected project, calling <paramref name="checkpoint"/> after each
    /// project so a long peer run can be stopped and still leave its tables.
    /// </summary>
    public async Task<BenchResults> RunAsync(DateTimeOffset startedAt, Action<BenchResults> checkpoint, CancellationToken cancellationToken)
    {
        var results = new BenchResults { Benchmark = "flowblot", Suite = settings.Checkout, StartedAt = startedAt, ConceptNote = FlowBlotTruth.ShorthandCommandNote };
        foreach (var tool in settings.Tools)
        {
            results.Tools[tool] = new ToolResults
            {
                Display = tool == OspreyScanner.ToolName ? "Osprey (in-process, C# engine)" : PeerTool.ByName[tool].Display,
                Concepts = new(NumericFirstComparer.Instance),
                InputSinkConcepts = new(NumericFirstComparer.Instance),
            };
        }

        foreach (var (project, truthPath) in Projects())
        {
            var folder = Path.Combine(settings.Checkout, project);
            var cases = FlowBlotTruth.Parse(project, await File.ReadAllTextAsync(truthPath, cancellationToken));
            var accepted = AcceptedCwes.For(cases[0].Cwe);
            foreach (var tool in settings.Tools)
            {
                var run = await RunToolAsync(tool, project, folder, cancellationToken);
                var (seconds, errors) = (run.Seconds, run.Errors);
                var reported = FlowBlotScorer.Reported(folder, cases, run.Findings, accepted);
                var results1 = results.Tools[tool];
                var cweTally = Tally(results1.Cwe, cases[0].Cwe.ToString(CultureInfo.InvariantCulture));
                cweTally.Seconds += seconds;
                if (run.CpuSeconds is { } cpu)
                {
                    cweTally.CpuSeconds = (cweTally.CpuSeconds ?? 0) + cpu;
                }

                FlowBlotScorer.Add(cweTally, cases, reported);
                foreach (var concept in cases.GroupBy(c => c.Concept))
                {
                    FlowBlotScorer.Add(Tally(results1.Concepts!, concept.Key), concept, reported);
                    if (FlowBlotTruth.SinkUsesInput(cases[0].Cwe))
                    {
                        FlowBlotScorer.Add(Tally(results1.InputSinkConcepts!, concept.Key), concept, reported);
                    }
                }

                results1.Errors.AddRange(errors.Select(e => $"{project}: {e}"));
                await progress.WriteLineAsync(
                    $"{project} {tool}: {reported.Count(c => c.MustReport)}/{cases.Count(c => c.MustReport)} fail reported, {reported.Count(c => !c.MustReport)}/{cases.Count(c => !c.MustReport)} pass flagged, {seconds:0.0} s{(errors.IsEmpty ? "" : $" — {errors[0]}")}");
            }

            checkpoint(results);
        }

        return results;
    }

    private IEnumerable<(string Project, string Truth)> Projects()
    {
        var selected = Directory.EnumerateDirectories(settings.TruthFolder)
            .Select(d => (Project: Path.GetFileName(d), Truth: Path.Combine(d, "truth.sarif")))
            .Where(p => File.Exists(p.Truth) && FlowBlotTruth.CweOfProject(p.Project) is not null)
            .Where(p => settings.Projects is null || settings.Projects.Contains(p.Project))
            .OrderBy(p => p.Project, StringComparer.Ordinal)
            .ToList();
        foreach (var missing in selected.Where(p => !Directory.Exists(Path.Combine(settings.Checkout, p.Project))))
        {
            throw new Cli.BenchUsageException($"The truth names project '{missing.Project}', which is not in the checkout '{settings.Checkout}'.");
        }

        return selected;
    }

    private static CweTally Tally(SortedDictionary<string, CweTally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new CweTally();
            tallies[key] = tally;
        }

        return tally;
    }

    private async Task<ToolRun> RunToolAsync(string tool, string project, string folder, CancellationToken cancellationToken)
    {
        if (tool == OspreyScanner.ToolName)
        {
            var run = await OspreyScanner.ScanAsync(folder, verify: false, cancellationToken);
            return new ToolRun(run.Findings, run.Seconds, null, run.Errors);
        }

        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        var peerProject = new PeerProject(project, "net10.0", files, [], [], Libraries);
        var result = await PeerRunner.RunAsync(Path.Combine(settings.WorkFolder, tool, project), peerProject, PeerTool.ByName[tool], cancellationToken);
        return new ToolRun(result.Findings, result.Seconds, result.CpuSeconds, result.Errors);
    }
}
