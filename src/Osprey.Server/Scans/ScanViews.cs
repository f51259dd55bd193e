using System.Text.Json;
using Osprey.Server.Storage;

namespace Osprey.Server.Scans;

/// <summary>
/// A scan job as the API shows it. <c>ArchiveFormat</c> is <c>git</c> for a scan of the asset's
/// repository, with the ref asked for and the commit scanned. <c>ThreatModels</c> are the ones the
/// scan runs with.
/// </summary>
internal sealed record ScanView(Guid Id, Guid? AssetId, string? Label, string Status, string ArchiveFormat, long ArchiveBytes, int Attempts,
    DateTimeOffset SubmittedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? FailureReason, int FileCount, int FindingCount, int NewCount, int FixedCount,
    string? SourceRef, string? SourceCommit, IReadOnlyList<string> ThreatModels)
{
    public static ScanView Of(ScanJobEntity j) => new(j.Id, j.AssetId, j.Label, j.Status.ToString().ToLowerInvariant(), j.ArchiveFormat, j.ArchiveBytes, j.Attempts,
        j.SubmittedAt, j.StartedAt, j.FinishedAt, j.FailureReason, j.FileCount, j.FindingCount, j.NewCount, j.FixedCount, j.SourceRef, j.SourceCommit,
        ScanThreatModels.Parse(j.ThreatModels));
}

/// <summary>A finding in a list: no trace, no proof.</summary>
internal sealed record FindingSummary(Guid Id, Guid ScanId, Guid? AssetId, string Fingerprint, string Tracking, string RuleId, string Title, string Severity,
    string File, int Line, string Verification, bool CoordinatedDisclosure)
{
    public static FindingSummary Of(FindingEntity f) => new(f.Id, f.ScanId, f.AssetId, f.Fingerprint, TrackingName(f.Tracking), f.RuleId, f.Title, f.Severity,
        f.FilePath, f.Line, f.VerificationStatus, f.CoordinatedDisclosure);

    public static string TrackingName(FindingTracking t) => t switch
    {
        FindingTracking.New => "new",
        FindingTracking.StillPresent => "still-present",
        _ => "fixed",
    };
}

/// <summary>
/// A finding with its trace and proof. Without the <c>exploit-cleared</c> grant the proof's
/// payload, observation and replay artifact are replaced by <see cref="Redacted"/>.
/// </summary>
internal sealed record FindingDetail(FindingSummary Finding, string Message, Guid FirstSeenScanId, IReadOnlyList<StoredTraceStep> Trace, ProofView? Proof)
{
    public const string Redacted = "[redacted: requires the exploit-cleared grant]";

    public static FindingDetail Of(FindingEntity f, bool exploitCleared)
    {
        var trace = JsonSerializer.Deserialize<StoredTraceStep[]>(f.TraceJson, StoredJson.Options) ?? [];
        ProofView? proof = null;
        if (f.ProofJson is not null && JsonSerializer.Deserialize<Osprey.Core.Findings.Proof>(f.ProofJson, StoredJson.Options) is { } p)
        {
            proof = exploitCleared
                ? new ProofView(p.EntryPoint, p.Payload, p.PayloadEncoding, p.Observed, p.Explanation, p.Replay?.Kind, p.Replay?.Content, Redacted: false)
                : new ProofView(p.EntryPoint, Redacted, "text", Redacted, p.Explanation, p.Replay?.Kind, p.Replay is null ? null : Redacted, Redacted: true);
        }

        return new FindingDetail(FindingSummary.Of(f), f.Message, f.FirstSeenScanId, trace, proof);
    }
}

/// <summary>A proof as served.</summary>
internal sealed record ProofView(string EntryPoint, string Payload, string PayloadEncoding, string Observed, string? Explanation, string? ReplayKind, string? Replay, bool Redacted);
