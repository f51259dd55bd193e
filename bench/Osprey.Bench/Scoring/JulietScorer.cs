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
        DefectiveCases = cases.Where(c => c.Files.Any(f => regions.GetValueOrDefault(f)?.Defects is { IsDefaultOrEmpty: false }))
            .Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        _byFile = new Dictionary<string, (JulietCase, FileRegions)>(StringComparer.Ordinal);
        foreach (var @case in cases)
        {
            foreach (var file in @case.Files)
            {
                _byFile[file] = (@case, regions.GetValueOrDefault(file) ?? FileRegions.Empty);
            }
        }
    }

    /// <summary>Names of the cases whose G2B code is a copy of their bad code (<see cref="JulietDefectDetector"/>).</summary>
    public IReadOnlySet<string> DefectiveCases { get; }

    /// <summary>Reads and parses every case file's regions and finds each case's generator defects.</summary>
    public static JulietScorer Load(ImmutableArray<JulietCase> cases)
    {
        var regions = new System.Collections.Concurrent.ConcurrentDictionary<string, FileRegions>(StringComparer.Ordinal);
        Parallel.ForEach(cases, @case =>
        {
            var trees = @case.Files.ToDictionary(f => f, f => JulietRegionExtractor.Parse(File.ReadAllText(f)), StringComparer.Ordinal);
            var defects = JulietDefectDetector.Find(trees);
            foreach (var (file, tree) in trees)
            {
                regions[file] = JulietRegionExtractor.Extract(tree) with { Defects = defects.GetValueOrDefault(file) };
            }
        });
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
                    : current with
                    {
                        GoodFlagged = true,
                        GoodFlaggedOutsideDefects = current.GoodFlaggedOutsideDefects || !entry.Regions.IsDefectAt(sink.Line),
                        GoodConfirmed = current.GoodConfirmed || finding.Confirmed,
                    };
            }
        }

        return outcomes;
    }
}
