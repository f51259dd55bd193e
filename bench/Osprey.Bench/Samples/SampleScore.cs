namespace Osprey.Bench.Samples;

/// <summary>What Osprey did on one ground-truth entry.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Reported">Whether some finding matches it.</param>
/// <param name="RuleIds">The rules of the matching findings.</param>
internal sealed record EntryResult(GroundTruthEntry Entry, bool Reported, IReadOnlyList<string> RuleIds);

/// <summary>One sample's score; its JSON shape is stable.</summary>
internal sealed class SampleScore
{
    /// <summary>The sample folder name.</summary>
    public required string Sample { get; init; }

    /// <summary>Intended vulnerabilities.</summary>
    public int Vulnerabilities { get; init; }

    /// <summary>Vulnerabilities reported.</summary>
    public int Found { get; init; }

    /// <summary>Ids of vulnerabilities not reported.</summary>
    public List<string> Missed { get; init; } = [];

    /// <summary>Safe look-alikes.</summary>
    public int Safe { get; init; }

    /// <summary>Ids of safe look-alikes that were reported.</summary>
    public List<string> FalseAlarms { get; init; } = [];

    /// <summary>Findings that match no entry (neither a listed vulnerability nor a look-alike).</summary>
    public int OtherFindings { get; init; }

    /// <summary>Scan wall time.</summary>
    public double Seconds { get; init; }

    /// <summary>Engine failures and scan errors.</summary>
    public List<string> Errors { get; init; } = [];

    /// <summary>Per entry, for the table.</summary>
    public List<EntryResult> Entries { get; init; } = [];
}
