using System.ComponentModel.DataAnnotations;

namespace Osprey.Server.Storage;

/// <summary>Where a scan job is. Queued and Running jobs count against the concurrent-scan quota.</summary>
internal enum ScanStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>An accepted scan job. Accepted means committed: the job and its archive survive a crash.</summary>
internal sealed class ScanJobEntity
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? AssetId { get; set; }
    public Guid SubmittedByKeyId { get; set; }
    public string? Label { get; set; }
    public ScanStatus Status { get; set; }
    /// <summary><c>zip</c> or <c>tar.gz</c> for an uploaded archive; <c>git</c> when the worker fetches the asset's repository.</summary>
    public required string ArchiveFormat { get; set; }

    /// <summary>For a <c>git</c> job: the branch or tag, or the full commit id, that was asked for (null: the default branch).</summary>
    [MaxLength(256)]
    public string? SourceRef { get; set; }

    /// <summary>For a <c>git</c> job: the commit that was fetched and scanned, once the worker has it.</summary>
    [MaxLength(64)]
    public string? SourceCommit { get; set; }

    /// <summary>
    /// The threat models the scan runs with, comma-separated (see <see cref="Scans.ScanThreatModels"/>).
    /// Jobs from before the column existed ran with remote alone, which the migration fills in.
    /// </summary>
    [MaxLength(Scans.ScanThreatModels.MaxStoredLength)]
    public string ThreatModels { get; set; } = Scans.ScanThreatModels.Default;
    public long ArchiveBytes { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>The worker that holds the job while it runs.</summary>
    public string? LeaseOwner { get; set; }
    public int FileCount { get; set; }
    public int FindingCount { get; set; }
    public int NewCount { get; set; }
    public int FixedCount { get; set; }
}

/// <summary>The submitted archive, kept apart from the job row and deleted once the job ends.</summary>
internal sealed class ScanArchiveEntity
{
    public Guid ScanId { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>Scans admitted per organisation and UTC day; the row is the atomic counter of the daily quota.</summary>
internal sealed class DailyScanCounterEntity
{
    public Guid OrganisationId { get; set; }
    public required string Day { get; set; }
    public int Count { get; set; }
}
