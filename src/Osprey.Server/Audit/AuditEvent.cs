namespace Osprey.Server.Audit;

/// <summary>
/// A security-relevant event to append to the audit log. <see cref="Kind"/> values are stable
/// (<c>key.created</c>, <c>finding.read</c>, …; see <see cref="AuditKinds"/>).
/// </summary>
internal sealed record AuditEvent(string Kind, Guid? ActorKeyId, Guid? OrganisationId, string? Subject, string? ClientAddress = null)
{
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

/// <summary>The audited event kinds.</summary>
internal static class AuditKinds
{
    public const string OrganisationApplied = "organisation.applied";
    public const string OrganisationVetted = "organisation.vetted";
    public const string QuotaChanged = "organisation.quota-changed";
    public const string KeyCreated = "key.created";
    public const string KeyRotated = "key.rotated";
    public const string KeyRevoked = "key.revoked";
    public const string KeyNewClient = "key.new-client";
    public const string KeyRejected = "key.rejected";
    public const string KeyRoleChanged = "key.role-changed";
    public const string DashboardSignIn = "dashboard.sign-in";
    public const string DashboardSignInRefused = "dashboard.sign-in-refused";
    public const string AssetRegistered = "asset.registered";
    public const string AssetVerified = "asset.verified";
    public const string ScanSubmitted = "scan.submitted";
    public const string ScanRejected = "scan.rejected";
    public const string ScanFinished = "scan.finished";
    public const string FindingRead = "finding.read";
    public const string ProofRead = "proof.read";
    public const string FindingsExported = "findings.exported";
    public const string AuditCheckpointExported = "audit.checkpoints-exported";
    public const string UsageRead = "usage.read";
    public const string DisclosureOpened = "disclosure.opened";
    public const string DisclosureSignedOff = "disclosure.signed-off";
    public const string DisclosureStatusChanged = "disclosure.status-changed";
    public const string DisclosureEventRecorded = "disclosure.event-recorded";
    public const string DisclosureActionTaken = "disclosure.action";
    public const string DisclosureExported = "disclosure.exported";
    public const string DisclosureOutboxDelivered = "disclosure.outbox-delivered";
    public const string AbuseAction = "abuse.action";
    public const string AbuseDecision = "abuse.decision";
    public const string AbuseRefused = "abuse.refused";
    public const string FingerprintIdentified = "fingerprint.identified";
}
