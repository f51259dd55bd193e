namespace Osprey.Server.Storage;

/// <summary>What an organisation may scan.</summary>
internal enum AssetKind
{
    /// <summary>The organisation's own repository; ownership must be proven.</summary>
    OwnRepository = 0,
    /// <summary>A named third-party open-source project; its findings go to coordinated disclosure.</summary>
    ThirdPartyProject = 1,
}

/// <summary>A registered scan target and the proof that the organisation may scan it.</summary>
internal sealed class AssetEntity
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public AssetKind Kind { get; set; }
    public required string Name { get; set; }
    public string? RepositoryUrl { get; set; }

    /// <summary>Where the verification token can be fetched from, for URL verification.</summary>
    public string? VerificationUrl { get; set; }
    public required string VerificationToken { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerificationMethod { get; set; }
    public bool CoordinatedDisclosure { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
