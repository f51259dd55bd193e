using Osprey.Bench.Scoring;

namespace Osprey.Bench.Reporting;

/// <summary>One tool's results in a benchmark run; the JSON shape is stable so runs can be compared.</summary>
internal sealed class ToolResults
{
    /// <summary>Name and version for people.</summary>
    public required string Display { get; init; }

    /// <summary>Per benchmark CWE (or FlowBlot concept): counts and seconds.</summary>
    public SortedDictionary<string, CweTally> Cwe { get; init; } = new(NumericFirstComparer.Instance);

    /// <summary>Per analysis concept (FlowBlot) — null where the benchmark has none.</summary>
    public SortedDictionary<string, CweTally>? Concepts { get; init; }

    /// <summary>
    /// Per analysis concept over the projects whose truth is a taint flow into a sink that uses the
    /// input (FlowBlot: every project but CWE-426) — null where the benchmark has none.
    /// </summary>
    public SortedDictionary<string, CweTally>? InputSinkConcepts { get; init; }

    /// <summary>Per flow variant (Juliet) — null where the benchmark has none.</summary>
    public SortedDictionary<string, Tally>? Variants { get; init; }

    /// <summary>Per bad source.</summary>
    public SortedDictionary<string, Tally>? Sources { get; init; }

    /// <summary>What went wrong (engine failures, builds that failed); empty on a clean run.</summary>
    public List<string> Errors { get; init; } = [];

    /// <summary>The sum over all CWEs.</summary>
    public CweTally Total() => Total(Cwe.Values);

    /// <summary>The sum of <paramref name="tallies"/>.</summary>
    public CweTally Total(IEnumerable<CweTally> tallies)
    {
        var total = new CweTally();
        foreach (var tally in tallies)
        {
            total.Cases += tally.Cases;
            total.BadDetected += tally.BadDetected;
            total.GoodFlagged += tally.GoodFlagged;
            if (tally.JulietDefects is { } defects)
            {
                total.JulietDefects = (total.JulietDefects ?? 0) + defects;
                total.GoodFlaggedAdjusted = (total.GoodFlaggedAdjusted ?? 0) + (tally.GoodFlaggedAdjusted ?? 0);
            }

            if (tally.GoodCases is { } goodCases)
            {
                total.GoodCases = (total.GoodCases ?? 0) + goodCases;
            }

            total.Seconds += tally.Seconds;
            if (tally.CpuSeconds is { } cpu)
            {
                total.CpuSeconds = (total.CpuSeconds ?? 0) + cpu;
            }

            if (tally.BadConfirmed is { } b)
            {
                total.BadConfirmed = (total.BadConfirmed ?? 0) + b;
                total.GoodConfirmed = (total.GoodConfirmed ?? 0) + (tally.GoodConfirmed ?? 0);
            }
        }

        return total;
    }
}

/// <summary>Orders keys numerically when both are numbers ("15" before "113"), else ordinally.</summary>
internal sealed class NumericFirstComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static NumericFirstComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y) =>
        int.TryParse(x, out var a) && int.TryParse(y, out var b) ? a.CompareTo(b) : string.CompareOrdinal(x, y);
}
