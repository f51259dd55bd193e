using System.Collections.Immutable;
using Osprey.Bench.Juliet;

namespace Osprey.Bench.Scoring;

/// <summary>
/// Decides, per case, whether a tool reported its bad code and whether it flagged its good code.
/// A finding counts for the region its sink lies in; only findings of an accepted CWE count.
/// </summary>
internal sealed class JulietScorer
{
    private readonly Dictionary<string, (JulietCase Case, FileRegions Regions)> _byFile;

    /// <summary>Creates a scorer for <paramref name="cases"/>, whose files have the given regions.</summary>
    public JulietScorer(IEnumerable<JulietCase> cases, IReadOnlyDictionary<string, FileRegions> regions)
    {
        _byFile = new Dictionary<string, (JulietCase, FileRegions)>(StringComparer.Ordinal);
        foreach (var @case in cases)
        {
            foreach (var file in @case.Files)
            {
                _byFile[file] = (@case, regions.GetValueOrDefault(file) ?? FileRegions.Empty);
            }
        }
    }

    /// <summary>Reads and parses every case file's regions.</summary>
    public static JulietScorer Load(ImmutableArray<JulietCase> cases)
    {
        var regions = new System.Collections.Concurrent.ConcurrentDictionary<string, FileRegions>(StringComparer.Ordinal);
        Parallel.ForEach(cases.SelectMany(c => c.Files), file => regions[file] = JulietRegionExtractor.Extract(File.ReadAllText(file)));
        return new JulietScorer(cases, regions);
    }

    /// <summary>The outcome of every case that any finding touched, keyed by case name; untouched cases are <see cref="CaseOutcome.None"/>.</summary>
    public IReadOnlyDictionary<string, CaseOutcome> Score(IEnumerable<ToolFinding> findings, IReadOnlySet<int> accepted)
    {
        var outcomes = new Dictionary<string, CaseOutcome>(StringComparer.Ordinal);
        foreach (var finding in findings.Where(f => f.HasAnyCwe(accepted)))
        {
            foreach (var sink in finding.Sinks)
            {
                if (!_byFile.TryGetValue(sink.Path, out var entry) || entry.Regions.KindAt(sink.Line) is not { } kind)
                {
                    continue;
                }

                var current = outcomes.GetValueOrDefault(entry.Case.Name) ?? CaseOutcome.None;
                outcomes[entry.Case.Name] = kind == RegionKind.Bad
                    ? current with { BadDetected = true, BadConfirmed = current.BadConfirmed || finding.Confirmed }
                    : current with { GoodFlagged = true, GoodConfirmed = current.GoodConfirmed || finding.Confirmed };
            }
        }

        return outcomes;
    }
}
