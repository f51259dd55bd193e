using System.Collections.Immutable;
using Osprey.Bench.InProcess;
using Osprey.Bench.Peers;
using Osprey.Bench.Reporting;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Juliet;

/// <summary>What a <c>juliet-cs</c> run covers.</summary>
/// <param name="Suite">The located checkout.</param>
/// <param name="Cwes">CWEs to run, in this order; null for all folders.</param>
/// <param name="Tools">Tool names: <c>osprey</c>, <c>scs</c>, <c>netanalyzers</c>.</param>
/// <param name="PeerCwes">CWEs on which the peers run (they are slow and only meant for injection).</param>
/// <param name="Verify">Pass Verify to Osprey and count confirmed findings.</param>
/// <param name="WorkFolder">Where generated projects go; outside the checkout.</param>
/// <param name="CasesFolder">When set, each tool's outcome per case is written there as <c>cases-CWE&lt;n&gt;-&lt;tool&gt;.tsv</c>.</param>
internal sealed record JulietSettings(JulietSuite Suite, IReadOnlyList<int>? Cwes, IReadOnlyList<string> Tools, IReadOnlySet<int> PeerCwes, bool Verify, string WorkFolder, string? CasesFolder = null)
{
    /// <summary>The injection CWEs the peers run on by default.</summary>
    public static readonly ImmutableSortedSet<int> InjectionCwes = [15, 23, 36, 78, 80, 81, 83, 89, 90, 113, 117, 134, 470, 601, 643];
}

/// <summary>
/// Runs Osprey and the peers on Juliet C#, one CWE folder at a time, and scores every case:
/// bad code reported (recall) and good code reported (false alarms).
/// </summary>
internal sealed class JulietBenchmark(JulietSettings settings, TextWriter progress)
{
    /// <summary>
    /// Runs every selected tool on every selected CWE folder, in the order the CWEs were given,
    /// calling <paramref name="checkpoint"/> after each folder so a long run can be stopped without losing what it measured.
    /// </summary>
    public async Task<BenchResults> RunAsync(DateTimeOffset startedAt, Action<BenchResults> checkpoint, CancellationToken cancellationToken)
    {
        var results = new BenchResults { Benchmark = "juliet-cs", Suite = settings.Suite.TestCases, StartedAt = startedAt };
        foreach (var tool in settings.Tools)
        {
            results.Tools[tool] = new ToolResults
            {
                Display = tool == OspreyScanner.ToolName ? "Osprey (in-process, C# engine)" : PeerTool.ByName[tool].Display,
                Variants = new(StringComparer.Ordinal),
                Sources = new(StringComparer.Ordinal),
            };
        }

        var folders = settings.Suite.CweFolders(settings.Cwes?.ToHashSet());
        var order = settings.Cwes?.ToList() ?? [];
        foreach (var folder in folders.OrderBy(f => order.IndexOf(f.Cwe) is var i && i >= 0 ? i : int.MaxValue).ThenBy(f => f.Cwe))
        {
            var cases = JulietCaseGrouper.Group(folder.Cwe, folder.SourceFiles());
            var scorer = JulietScorer.Load(cases);
            var accepted = AcceptedCwes.For(folder.Cwe);
            foreach (var tool in settings.Tools)
            {
                if (tool != OspreyScanner.ToolName && !settings.PeerCwes.Contains(folder.Cwe))
                {
                    continue;
                }

                var run = await RunToolAsync(tool, folder, accepted, cancellationToken);
                var verified = settings.Verify && tool == OspreyScanner.ToolName;
                var outcomes = scorer.Score(run.Findings, accepted);
                var tally = Record(results.Tools[tool], folder.Cwe, cases, outcomes, run, verified, scorer.DefectiveCases);
                if (settings.CasesFolder is { } casesFolder)
                {
                    WriteCases(Path.Combine(casesFolder, $"cases-CWE{folder.Cwe}-{tool}.tsv"), cases, outcomes, scorer.DefectiveCases);
                }

                results.Tools[tool].Errors.AddRange(run.Errors.Select(e => $"CWE-{folder.Cwe}: {e}"));
                await progress.WriteLineAsync(
                    $"CWE-{folder.Cwe} {tool}: {tally.BadDetected}/{tally.Cases} bad detected, {tally.GoodFlagged} good flagged ({tally.GoodFlaggedAdjusted} outside {tally.JulietDefects} defective cases), {run.Seconds:0.0} s"
                    + (run.CpuSeconds is { } cpu ? $" ({cpu:0.0} s CPU)" : "")
                    + (run.Skipped is { } why ? $" — not run: {why}" : "")
                    + (run.Errors.IsEmpty ? "" : $" — {run.Errors.Length} error(s): {run.Errors[0]}"));
            }

            checkpoint(results);
        }

        return results;
    }

    /// <summary>Adds one CWE folder's outcomes to a tool's results; <paramref name="defectiveCases"/> also scores them defect-adjusted.</summary>
    public static CweTally Record(ToolResults results, int cwe, ImmutableArray<JulietCase> cases, IReadOnlyDictionary<string, CaseOutcome> outcomes, ToolRun run, bool verified, IReadOnlySet<string>? defectiveCases = null)
    {
        var tally = new CweTally { Seconds = run.Seconds, CpuSeconds = run.CpuSeconds, Skipped = run.Skipped };
        foreach (var @case in cases)
        {
            var outcome = outcomes.GetValueOrDefault(@case.Name) ?? CaseOutcome.None;
            bool? defective = defectiveCases?.Contains(@case.Name);
            tally.Add(outcome, verified, defective);
            Bucket(results.Variants!, @case.Variant).Add(outcome, verified, defective);
            Bucket(results.Sources!, @case.Source).Add(outcome, verified, defective);
        }

        results.Cwe[cwe.ToString(System.Globalization.CultureInfo.InvariantCulture)] = tally;
        return tally;
    }

    /// <summary>Writes one line per case (name, source, variant, bad detected, good flagged, Juliet defect), for finding which shapes a tool misses.</summary>
    private static void WriteCases(string path, ImmutableArray<JulietCase> cases, IReadOnlyDictionary<string, CaseOutcome> outcomes, IReadOnlySet<string> defectiveCases)
    {
        var lines = cases.Select(c => (Case: c, Outcome: outcomes.GetValueOrDefault(c.Name) ?? CaseOutcome.None))
            .Select(x => $"{x.Case.Name}\t{x.Case.Source}\t{x.Case.Variant}\t{(x.Outcome.BadDetected ? "bad-detected" : "bad-missed")}\t{(x.Outcome.GoodFlagged ? "good-flagged" : "good-clean")}\t{(defectiveCases.Contains(x.Case.Name) ? "defective" : "")}");
        File.WriteAllLines(path, ["case\tsource\tvariant\tbad\tgood\tjuliet-defect", .. lines]);
    }

    private static Tally Bucket(SortedDictionary<string, Tally> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            buckets[key] = tally;
        }

        return tally;
    }

    private async Task<ToolRun> RunToolAsync(string tool, JulietCweFolder folder, IReadOnlySet<int> accepted, CancellationToken cancellationToken)
    {
        if (tool == OspreyScanner.ToolName)
        {
            var run = await OspreyScanner.ScanAsync(folder.Path, settings.Verify, cancellationToken);
            return new ToolRun(run.Findings, run.Seconds, null, run.Errors);
        }

        var peer = PeerTool.ByName[tool];
        if (!PeerRunner.CanReport(peer, accepted))
        {
            return ToolRun.NotRun($"{peer.Display} has no rule for CWE-{folder.Cwe} or the CWEs it accepts");
        }

        var result = await PeerRunner.RunAsync(Path.Combine(settings.WorkFolder, tool, folder.Name), JulietProjects.For(settings.Suite, folder), peer, cancellationToken);
        return new ToolRun(result.Findings, result.Seconds, result.CpuSeconds, result.Errors);
    }
}
