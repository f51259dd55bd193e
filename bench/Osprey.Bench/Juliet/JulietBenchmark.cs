using System.Collections.Immutable;
using Osprey.Bench.InProcess;
using Osprey.Bench.Peers;
using Osprey.Bench.Reporting;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Juliet;

/// <summary>What a <c>juliet-cs</c> run covers.</summary>
/// <param name="Suite">The located checkout.</param>
/// <param name="Cwes">CWEs to run; null for all folders.</param>
/// <param name="Tools">Tool names: <c>osprey</c>, <c>scs</c>, <c>netanalyzers</c>.</param>
/// <param name="PeerCwes">CWEs on which the peers run (they are slow and only meant for injection).</param>
/// <param name="Verify">Pass Verify to Osprey and count confirmed findings.</param>
/// <param name="WorkFolder">Where generated projects go; outside the checkout.</param>
internal sealed record JulietSettings(JulietSuite Suite, IReadOnlySet<int>? Cwes, IReadOnlyList<string> Tools, IReadOnlySet<int> PeerCwes, bool Verify, string WorkFolder)
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
    /// <summary>Runs every selected tool on every selected CWE folder.</summary>
    public async Task<BenchResults> RunAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
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

        foreach (var folder in settings.Suite.CweFolders(settings.Cwes))
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

                var (findings, seconds, errors) = await RunToolAsync(tool, folder, cancellationToken);
                var verified = settings.Verify && tool == OspreyScanner.ToolName;
                Record(results.Tools[tool], folder.Cwe, cases, scorer.Score(findings, accepted), seconds, verified);
                results.Tools[tool].Errors.AddRange(errors.Select(e => $"CWE-{folder.Cwe}: {e}"));
                var tally = results.Tools[tool].Cwe[folder.Cwe.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                await progress.WriteLineAsync(
                    $"CWE-{folder.Cwe} {tool}: {tally.BadDetected}/{tally.Cases} bad detected, {tally.GoodFlagged} good flagged, {seconds:0.0} s{(errors.IsEmpty ? "" : $" — {errors.Length} error(s): {errors[0]}")}");
            }
        }

        return results;
    }

    /// <summary>Adds one CWE folder's outcomes to a tool's results.</summary>
    public static void Record(ToolResults results, int cwe, ImmutableArray<JulietCase> cases, IReadOnlyDictionary<string, CaseOutcome> outcomes, double seconds, bool verified)
    {
        var tally = new CweTally { Seconds = seconds };
        foreach (var @case in cases)
        {
            var outcome = outcomes.GetValueOrDefault(@case.Name) ?? CaseOutcome.None;
            tally.Add(outcome, verified);
            Bucket(results.Variants!, @case.Variant).Add(outcome, verified);
            Bucket(results.Sources!, @case.Source).Add(outcome, verified);
        }

        results.Cwe[cwe.ToString(System.Globalization.CultureInfo.InvariantCulture)] = tally;
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

    private async Task<(ImmutableArray<ToolFinding> Findings, double Seconds, ImmutableArray<string> Errors)> RunToolAsync(string tool, JulietCweFolder folder, CancellationToken cancellationToken)
    {
        if (tool == OspreyScanner.ToolName)
        {
            var run = await OspreyScanner.ScanAsync(folder.Path, settings.Verify, cancellationToken);
            return (run.Findings, run.Seconds, run.Errors);
        }

        var peer = PeerTool.ByName[tool];
        var result = await PeerRunner.RunAsync(Path.Combine(settings.WorkFolder, tool, folder.Name), JulietProjects.For(settings.Suite, folder), peer, cancellationToken);
        return (result.Findings, result.Seconds, result.Errors);
    }
}
