using Osprey.Bench.Scoring;

namespace Osprey.Bench.FlowBlot;

/// <summary>
/// Decides which FlowBlot cases a tool reported. FlowBlot's sinks live in a shared model class,
/// so a finding counts for a flow file when its sink or any step of its trace lies in that
/// file's expected region; only findings of an accepted CWE count.
/// </summary>
internal static class FlowBlotScorer
{
    /// <summary>The cases (of one project, under <paramref name="projectFolder"/>) that some finding reports.</summary>
    public static HashSet<FlowBlotCase> Reported(string projectFolder, IReadOnlyList<FlowBlotCase> cases, IEnumerable<ToolFinding> findings, IReadOnlySet<int> accepted)
    {
        var byFile = cases.GroupBy(c => Path.GetFullPath(Path.Combine(projectFolder, c.RelativePath)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var reported = new HashSet<FlowBlotCase>();
        foreach (var finding in findings.Where(f => f.HasAnyCwe(accepted)))
        {
            foreach (var place in finding.AllLocations)
            {
                if (byFile.TryGetValue(place.Path, out var fileCases))
                {
                    reported.UnionWith(fileCases.Where(c => place.Line >= c.StartLine && place.Line <= c.EndLine));
                }
            }
        }

        return reported;
    }

    /// <summary>Adds <paramref name="cases"/> to a tally: fail cases count toward recall, pass cases toward false alarms.</summary>
    public static void Add(CweTally tally, IEnumerable<FlowBlotCase> cases, IReadOnlySet<FlowBlotCase> reported)
    {
        foreach (var @case in cases)
        {
            if (@case.MustReport)
            {
                tally.Cases++;
                tally.BadDetected += reported.Contains(@case) ? 1 : 0;
            }
            else
            {
                tally.GoodCases = (tally.GoodCases ?? 0) + 1;
                tally.GoodFlagged += reported.Contains(@case) ? 1 : 0;
            }
        }
    }
}
