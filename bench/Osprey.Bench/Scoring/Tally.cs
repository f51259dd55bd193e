using System.Text.Json.Serialization;

namespace Osprey.Bench.Scoring;

/// <summary>Counts of cases over a group (a CWE, a flow variant, a source).</summary>
internal class Tally
{
    /// <summary>Cases in the group.</summary>
    public int Cases { get; set; }

    /// <summary>Cases whose bad code was reported.</summary>
    public int BadDetected { get; set; }

    /// <summary>Cases whose good code was reported.</summary>
    public int GoodFlagged { get; set; }

    /// <summary>
    /// Cases that have good code, when they are not the same cases as <see cref="Cases"/>
    /// (FlowBlot has separate must-report and must-not-report files); null for Juliet, where
    /// every case has both.
    /// </summary>
    public int? GoodCases { get; set; }

    /// <summary>Cases whose bad code has a confirmed finding; null when verification did not run.</summary>
    public int? BadConfirmed { get; set; }

    /// <summary>Cases whose good code has a confirmed finding; null when verification did not run.</summary>
    public int? GoodConfirmed { get; set; }

    /// <summary>
    /// Juliet cases whose G2B code is a copy of their bad code (a generator defect, see
    /// <c>JulietDefectDetector</c>); null where the benchmark has no such check.
    /// </summary>
    public int? JulietDefects { get; set; }

    /// <summary>
    /// Cases whose good code was reported outside the defective copies: <see cref="GoodFlagged"/>
    /// with the generator defects taken out; null where <see cref="JulietDefects"/> is.
    /// </summary>
    public int? GoodFlaggedAdjusted { get; set; }

    /// <summary>Bad cases detected over cases, 0 for an empty group.</summary>
    [JsonIgnore]
    public double Recall => Cases == 0 ? 0 : (double)BadDetected / Cases;

    /// <summary>Good cases flagged over cases, 0 for an empty group.</summary>
    [JsonIgnore]
    public double FalseAlarmRate => (GoodCases ?? Cases) is var good && good == 0 ? 0 : (double)GoodFlagged / (GoodCases ?? Cases);

    /// <summary>Adds one case's outcome; <paramref name="defective"/> is null where defects are not checked.</summary>
    public void Add(CaseOutcome outcome, bool verified, bool? defective = null)
    {
        Cases++;
        BadDetected += outcome.BadDetected ? 1 : 0;
        GoodFlagged += outcome.GoodFlagged ? 1 : 0;
        if (defective is { } isDefective)
        {
            JulietDefects = (JulietDefects ?? 0) + (isDefective ? 1 : 0);
            GoodFlaggedAdjusted = (GoodFlaggedAdjusted ?? 0) + (outcome.GoodFlaggedOutsideDefects ? 1 : 0);
        }

        if (verified)
        {
            BadConfirmed = (BadConfirmed ?? 0) + (outcome.BadConfirmed ? 1 : 0);
            GoodConfirmed = (GoodConfirmed ?? 0) + (outcome.GoodConfirmed ? 1 : 0);
        }
    }
}

/// <summary>A CWE's tally plus the time the tool took on its folder.</summary>
internal sealed class CweTally : Tally
{
    /// <summary>Wall-clock seconds the tool spent on the CWE folder (analysis build for peers, scan for Osprey).</summary>
    public double Seconds { get; set; }

    /// <summary>CPU seconds of the peer's build (all its processes); null for in-process runs. Less sensitive to machine load than <see cref="Seconds"/>.</summary>
    public double? CpuSeconds { get; set; }

    /// <summary>Why the tool was not run on this group, when it was not (e.g. it has no rule for the CWE).</summary>
    public string? Skipped { get; set; }
}
