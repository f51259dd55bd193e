using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Keys;

/// <summary>Creates key rows; the plaintext key is returned once and never stored.</summary>
internal sealed class KeyIssuer(ServerRuntime runtime)
{
    public (ApiKeyEntity Row, string Key) Issue(Guid organisationId, string name, ApiKeyRole role, bool exploitCleared, TimeSpan? lifetime, Guid? createdBy)
    {
        var (key, prefix) = ApiKeySecret.Generate();
        var now = runtime.Now;
        var row = new ApiKeyEntity
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Prefix = prefix,
            Hash = ApiKeySecret.Hash(runtime.Secrets.KeyHashSecret, key),
            Name = name,
            Role = role,
            ExploitCleared = exploitCleared,
            CreatedAt = now,
            CreatedByKeyId = createdBy,
            ExpiresAt = lifetime is { } life ? now + life : null,
        };
        return (row, key);
    }
}
