namespace Osprey.Bench.Scoring;

/// <summary>What one tool did on one test case.</summary>
/// <param name="BadDetected">A finding of an accepted CWE lies in the case's bad code.</param>
/// <param name="GoodFlagged">A finding of an accepted CWE lies in the case's good code.</param>
/// <param name="BadConfirmed">A verified finding lies in the bad code.</param>
/// <param name="GoodConfirmed">A verified finding lies in the good code (a verifier false positive).</param>
internal sealed record CaseOutcome(bool BadDetected, bool GoodFlagged, bool BadConfirmed = false, bool GoodConfirmed = false)
{
    /// <summary>Nothing found.</summary>
    public static CaseOutcome None { get; } = new(false, false);
}
