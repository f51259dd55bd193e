namespace Osprey.Server.Watermarking;

/// <summary>An organisation's secret fingerprinting key. Keep it with the organisation's other secrets; anyone holding it can forge the organisation's fingerprint.</summary>
public sealed record OrgFingerprintKey
{
    /// <summary>Creates a key; the secret must be at least 16 bytes.</summary>
    /// <param name="orgId">The organisation the key belongs to.</param>
    /// <param name="secret">The secret, at least 16 bytes.</param>
    public OrgFingerprintKey(string orgId, byte[] secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        if (secret is null || secret.Length < 16) throw new ArgumentException($"The fingerprint key of organisation {orgId} must be at least 16 bytes.", nameof(secret));
        OrgId = orgId;
        Secret = secret;
    }

    /// <summary>The organisation.</summary>
    public string OrgId { get; }

    /// <summary>The secret.</summary>
    public byte[] Secret { get; }

    /// <summary>A fresh random key.</summary>
    public static OrgFingerprintKey Generate(string orgId) => new(orgId, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
