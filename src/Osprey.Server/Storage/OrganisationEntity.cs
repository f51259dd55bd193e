namespace Osprey.Server.Storage;

/// <summary>Where an organisation stands in vetting. Only <see cref="Active"/> organisations can use the service.</summary>
internal enum OrganisationStatus
{
    Pending = 0,
    Active = 1,
    Suspended = 2,
    Revoked = 3,
    Rejected = 4,
}

/// <summary>An organisation: its application, the operator's vetting decision, and its quotas.</summary>
internal sealed class OrganisationEntity
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string ContactEmail { get; set; }
    public string? Website { get; set; }
    public required string Purpose { get; set; }
    public OrganisationStatus Status { get; set; }

    /// <summary>True for the operators' own organisation, created by the bootstrap.</summary>
    public bool IsOperator { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    /// <summary>The operator key that made the last vetting decision.</summary>
    public Guid? VettedByKeyId { get; set; }
    public string? VettedBy { get; set; }
    public DateTimeOffset? VettedAt { get; set; }
    public string? VettingEvidence { get; set; }

    public int ScansPerDay { get; set; }
    public int ConcurrentScans { get; set; }
    public long MaxArchiveBytes { get; set; }
    public int RequestsPerMinute { get; set; }
    public long ModelTokenBudget { get; set; }
    public long ModelTokensUsed { get; set; }

    /// <summary>Scans queued or running; changed only by atomic conditional updates (see ScanAdmission).</summary>
    public int ActiveScans { get; set; }
}
