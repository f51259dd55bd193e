using System.Collections.Immutable;

namespace Osprey.Server.Abuse;

/// <summary>
/// An asset an organisation registered (issue 7), with the file paths seen in its earlier scans so
/// that an anonymous archive can be recognised as that asset.
/// </summary>
/// <param name="Id">Asset id; a submission naming it is in scope.</param>
/// <param name="OrgId">The owning organisation.</param>
/// <param name="KnownPaths">Paths seen in earlier scans of the asset.</param>
internal sealed record RegisteredAsset(string Id, string OrgId, ImmutableHashSet<string> KnownPaths);

/// <summary>The registered assets of each organisation.</summary>
internal interface IRegisteredAssetSource
{
    Task<IReadOnlyList<RegisteredAsset>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Registered assets in memory.</summary>
internal sealed class InMemoryRegisteredAssetSource(IEnumerable<RegisteredAsset> assets) : IRegisteredAssetSource
{
    private readonly IReadOnlyList<RegisteredAsset> _assets = assets.ToList();

    public Task<IReadOnlyList<RegisteredAsset>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(_assets);
}
