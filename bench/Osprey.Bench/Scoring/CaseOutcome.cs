namespace Osprey.Bench.Scoring;

/// <summary>What one tool did on one test case.</summary>
/// <param name="BadDetected">A finding of an accepted CWE lies in the case's bad code.</param>
/// <param name="GoodFlagged">A finding of an accepted CWE lies in the case's good code.</param>
/// <param name="BadConfirmed">A verified finding lies in the bad code.</param>
/// <param name="GoodConfirmed">A verified finding lies in the good code (a verifier false positive).</param>
/// <param name="GoodFlaggedOutsideDefects">
/// A finding lies in good code that is not a generator defect (good code identical to the bad code,
/// see <see cref="Juliet.JulietDefectDetector"/>): the defect-adjusted false alarm.
/// </param>
internal sealed record CaseOutcome(bool BadDetected, bool GoodFlagged, bool BadConfirmed = false, bool GoodConfirmed = false, bool GoodFlaggedOutsideDefects = false)
{
    /// <summary>Nothing found.</summary>
    public static CaseOutcome None { get; } = new(false, false);
}
