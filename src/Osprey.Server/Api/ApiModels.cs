using Osprey.Server.Storage;

namespace Osprey.Server.Api;

/// <summary>A key as listed (never the secret).</summary>
internal sealed record KeyView(Guid Id, string Prefix, string Name, string Role, bool ExploitCleared, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, Guid? ReplacedBy, DateTimeOffset? LastUsedAt)
{
    public static KeyView Of(ApiKeyEntity k) => new(k.Id, k.Prefix, k.Name, RoleName(k.Role), k.ExploitCleared, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.ReplacedByKeyId, k.LastUsedAt);

    public static string RoleName(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Operator => "operator",
        ApiKeyRole.OrgAdmin => "org-admin",
        ApiKeyRole.Analyst => "analyst",
        _ => "viewer",
    };
}

/// <summary>A newly issued key: the only response that ever carries the secret.</summary>
internal sealed record IssuedKeyView(KeyView Key, string Secret, string Notice = "This key is shown once. Store it now; the server keeps only a keyed hash.");

/// <summary>An organisation as its own members see it.</summary>
internal sealed record OrganisationView(Guid Id, string Name, string Status, string ContactEmail, string? Website, DateTimeOffset AppliedAt,
    DateTimeOffset? VettedAt, string? VettedBy, string? VettingEvidence, QuotaView Quotas)
{
    public static OrganisationView Of(OrganisationEntity o) => new(o.Id, o.Name, o.Status.ToString().ToLowerInvariant(), o.ContactEmail, o.Website,
        o.AppliedAt, o.VettedAt, o.VettedBy, o.VettingEvidence, QuotaView.Of(o));
}

/// <summary>An organisation's limits and how much of them is in use.</summary>
internal sealed record QuotaView(int ScansPerDay, int ConcurrentScans, long MaxArchiveBytes, int RequestsPerMinute, long ModelTokenBudget, long ModelTokensUsed, int ActiveScans)
{
    public static QuotaView Of(OrganisationEntity o) => new(o.ScansPerDay, o.ConcurrentScans, o.MaxArchiveBytes, o.RequestsPerMinute, o.ModelTokenBudget, o.ModelTokensUsed, o.ActiveScans);
}
