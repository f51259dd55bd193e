namespace Osprey.Server.Storage;

/// <summary>How a finding relates to the previous scan of the same asset.</summary>
internal enum FindingTracking
{
    New = 0,
    StillPresent = 1,
    Fixed = 2,
}

/// <summary>A finding as stored for one scan. Trace and proof are JSON of the Core records.</summary>
internal sealed class FindingEntity
{
    public Guid Id { get; set; }
    public Guid ScanId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? AssetId { get; set; }
    public required string Fingerprint { get; set; }
    public FindingTracking Tracking { get; set; }
    public Guid FirstSeenScanId { get; set; }
    public required string RuleId { get; set; }
    public required string Title { get; set; }
    public required string Message { get; set; }
    public required string Severity { get; set; }
    public required string FilePath { get; set; }
    public int Line { get; set; }
    public required string VerificationStatus { get; set; }
    public required string TraceJson { get; set; }
    public string? ProofJson { get; set; }
    public bool CoordinatedDisclosure { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
