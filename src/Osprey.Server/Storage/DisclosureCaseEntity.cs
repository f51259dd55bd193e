namespace Osprey.Server.Storage;

/// <summary>
/// A coordinated-disclosure case. <see cref="CaseJson"/> is the whole immutable case (finding,
/// asset, maintainer, sign-off, revisions, events) and is what the store reads back; the other
/// columns repeat parts of it for queries and the dashboard. Revisions and events are also kept
/// as rows (<see cref="DisclosureRevisionEntity"/>, <see cref="DisclosureEventEntity"/>), append-only.
/// </summary>
internal sealed class DisclosureCaseEntity
{
    /// <summary>Case id, <c>OSP-2026-0001</c>.</summary>
    public required string Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid AssetId { get; set; }

    /// <summary>The stored finding that opened the case.</summary>
    public Guid FindingId { get; set; }
    public required string Fingerprint { get; set; }

    /// <summary>The VEX status name (<c>under_investigation</c>, …).</summary>
    public required string Status { get; set; }
    public required string MaintainerId { get; set; }
    public string? SignedOffBy { get; set; }
    public DateTimeOffset? SignedOffAt { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>False once published with details released, or closed as not affected: the scheduler skips it.</summary>
    public bool Active { get; set; }
    public required string CaseJson { get; set; }
}

/// <summary>One VEX revision of a case, numbered from 1.</summary>
internal sealed class DisclosureRevisionEntity
{
    public required string CaseId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Status { get; set; }
    public string? Justification { get; set; }
    public required string Summary { get; set; }
}

/// <summary>One dated event of a case, in the order recorded.</summary>
internal sealed class DisclosureEventEntity
{
    public required string CaseId { get; set; }
    public int Sequence { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Note { get; set; }
    public string? EventKey { get; set; }
}

/// <summary>
/// A message the disclosure service has to deliver (report bundle, reminder, escalation,
/// publication). The server writes it here instead of sending mail itself; an operator or a mail
/// relay collects it through the API and marks it delivered.
/// </summary>
internal sealed class DisclosureOutboxEntity
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public required string Action { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Body { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
