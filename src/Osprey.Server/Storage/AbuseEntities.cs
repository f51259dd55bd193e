namespace Osprey.Server.Storage;

/// <summary>
/// What the abuse signals need of one accepted submission, kept instead of the archive (which is
/// deleted when the scan ends): its paths, a bounded text sample, and whether it matched the
/// registered asset it named (the scope result, decided at submission).
/// </summary>
internal sealed class SubmissionFeatureEntity
{
    public Guid ScanId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid KeyId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? AssetId { get; set; }

    /// <summary>True when the archive is recognisably the asset it names (see SubmissionSketcher).</summary>
    public bool InScope { get; set; }
    public required string ScopeReason { get; set; }
    public int FileCount { get; set; }

    /// <summary>JSON array of relative paths (at most 2,000).</summary>
    public required string PathsJson { get; set; }

    /// <summary>At most 4,096 characters of the sources, in path order.</summary>
    public required string TextSample { get; set; }
    public string? ClientAddress { get; set; }
    public string? ClientFingerprint { get; set; }
}

/// <summary>One risk assessment of one subject by one monitor run that reached the alert band.</summary>
internal sealed class AbuseAssessmentEntity
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary><c>key</c> or <c>organisation</c>.</summary>
    public required string SubjectKind { get; set; }
    public required string SubjectId { get; set; }
    public Guid OrganisationId { get; set; }
    public double Score { get; set; }

    /// <summary>The action the policy chose (alert, throttle, require-review, suspend).</summary>
    public required string Action { get; set; }
    public required string Summary { get; set; }

    /// <summary>JSON array of the fired signals: name, score, explanation.</summary>
    public required string ReasonsJson { get; set; }
}

/// <summary>
/// The operator review queue: one row per subject under an action. While <see cref="Status"/> is
/// <c>open</c> or <c>suspended</c> its <see cref="Level"/> restricts the subject; an operator's
/// approval lifts it and keeps the same evidence from re-opening it until <see cref="QuietUntil"/>.
/// </summary>
internal sealed class AbuseCaseEntity
{
    public Guid Id { get; set; }
    public required string SubjectKind { get; set; }
    public required string SubjectId { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>The strongest action taken: alert, throttle, require-review, suspend.</summary>
    public required string Level { get; set; }

    /// <summary><c>open</c>, <c>approved</c> (lifted by an operator) or <c>suspended</c> (confirmed by an operator).</summary>
    public required string Status { get; set; }
    public double Score { get; set; }
    public required string Summary { get; set; }
    public required string EvidenceJson { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>After an approval: assessments before this time do not re-open the case.</summary>
    public DateTimeOffset? QuietUntil { get; set; }
}
