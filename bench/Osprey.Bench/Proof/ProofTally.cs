using System.Text.Json.Serialization;

namespace Osprey.Bench.Proof;

/// <summary>
/// The proof results of one Juliet CWE folder, counted per case: a bad case is Confirmed when a
/// proof of one of its bad findings confirmed; else Refuted when one was refuted; else Unverified
/// (with the first finding's reason). Good cases flagged by the scan are all verified: a
/// confirmation there is a verifier false positive, except in the documented Juliet defect
/// (variant 75's GoodG2B reads the same attacker source as Bad), counted apart.
/// </summary>
internal sealed class ProofTally
{
    public int Cases { get; set; }

    public int BadDetected { get; set; }

    public int BadVerified { get; set; }

    public int BadConfirmed { get; set; }

    public int BadRefuted { get; set; }

    public int BadUnverified { get; set; }

    /// <summary>Bad cases Unverified because Juliet's bad code throws before its sink (counted in <see cref="BadUnverified"/> too).</summary>
    public int BadUnreachableJulietDefect { get; set; }

    public int GoodFlagged { get; set; }

    public int GoodConfirmed { get; set; }

    public int GoodConfirmedJulietDefect { get; set; }

    public int GoodRefuted { get; set; }

    public int GoodUnverified { get; set; }

    public int Proofs { get; set; }

    public double ScanSeconds { get; set; }

    /// <summary>Wall-clock time of the Verify stage for the folder: harness synthesis, one compilation, every sandboxed run.</summary>
    public double VerifySeconds { get; set; }

    /// <summary>Each proof's duration: its share of the preparation plus its own sandboxed run.</summary>
    public List<double> ProofSeconds { get; } = [];

    public SortedDictionary<string, int> UnverifiedReasons { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> RefutedReasons { get; } = new(StringComparer.Ordinal);

    /// <summary>One full reason (with its case) per reason kind, for review.</summary>
    public SortedDictionary<string, string> ReasonExamples { get; } = new(StringComparer.Ordinal);

    /// <summary>Examples of good cases confirmed (outside the documented defect), for review.</summary>
    public List<string> GoodConfirmedExamples { get; } = [];

    [JsonIgnore]
    public double MedianProofSeconds => Median(ProofSeconds);

    public double ConfirmedShare => BadVerified == 0 ? 0 : (double)BadConfirmed / BadVerified;

    /// <summary>Confirmed bad cases among those whose sink Juliet's code can reach (the documented unreachable ones left out).</summary>
    public double ConfirmedShareOfReachable => BadVerified - BadUnreachableJulietDefect <= 0 ? 0 : (double)BadConfirmed / (BadVerified - BadUnreachableJulietDefect);

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public void Add(ProofTally other)
    {
        Cases += other.Cases;
        BadDetected += other.BadDetected;
        BadVerified += other.BadVerified;
        BadConfirmed += other.BadConfirmed;
        BadRefuted += other.BadRefuted;
        BadUnverified += other.BadUnverified;
        BadUnreachableJulietDefect += other.BadUnreachableJulietDefect;
        GoodFlagged += other.GoodFlagged;
        GoodConfirmed += other.GoodConfirmed;
        GoodConfirmedJulietDefect += other.GoodConfirmedJulietDefect;
        GoodRefuted += other.GoodRefuted;
        GoodUnverified += other.GoodUnverified;
        Proofs += other.Proofs;
        ScanSeconds += other.ScanSeconds;
        VerifySeconds += other.VerifySeconds;
        ProofSeconds.AddRange(other.ProofSeconds);
        foreach (var (reason, n) in other.UnverifiedReasons)
        {
            UnverifiedReasons[reason] = UnverifiedReasons.GetValueOrDefault(reason) + n;
        }

        foreach (var (reason, n) in other.RefutedReasons)
        {
            RefutedReasons[reason] = RefutedReasons.GetValueOrDefault(reason) + n;
        }

        GoodConfirmedExamples.AddRange(other.GoodConfirmedExamples);
        foreach (var (kind, example) in other.ReasonExamples)
        {
            ReasonExamples.TryAdd(kind, example);
        }
    }
}
