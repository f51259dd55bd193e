namespace Osprey.Server.Storage;

/// <summary>What a key may do. Operators run the service; the other roles act inside one organisation.</summary>
internal enum ApiKeyRole
{
    Viewer = 0,
    Analyst = 1,
    OrgAdmin = 2,
    Operator = 3,
}

/// <summary>An API key. The secret is never stored: only its keyed hash (HMAC-SHA256 with the server secret).</summary>
internal sealed class ApiKeyEntity
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>The visible, unique part of the key (<c>osp_AbCd1234</c>) used to find it and shown in listings.</summary>
    public required string Prefix { get; set; }
    public required byte[] Hash { get; set; }
    public required string Name { get; set; }
    public ApiKeyRole Role { get; set; }

    /// <summary>The grant needed to see proofs and payloads.</summary>
    public bool ExploitCleared { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedByKeyId { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }

    /// <summary>Set when the key was rotated: the key that replaced it.</summary>
    public Guid? ReplacedByKeyId { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>A (key, client) pair seen before; a new pair is an audited event.</summary>
internal sealed class KeyClientEntity
{
    public Guid KeyId { get; set; }
    public required string ClientFingerprint { get; set; }
    public required string ClientAddress { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
}
