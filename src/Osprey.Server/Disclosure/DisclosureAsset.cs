using System.Collections.Immutable;

namespace Osprey.Server.Disclosure;

/// <summary>The third-party product a case is about, as the exports name it.</summary>
internal sealed record DisclosureAsset
{
    /// <summary>Product name, e.g. <c>Contoso.Json</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Vendor or project owner, e.g. <c>Contoso</c>.</summary>
    public required string Vendor { get; init; }

    /// <summary>Repository URL, when public.</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>OSV ecosystem (<c>NuGet</c>, <c>npm</c>, …); null when the asset is not a package.</summary>
    public string? Ecosystem { get; init; }

    /// <summary>Package URL (purl), when known.</summary>
    public string? Purl { get; init; }

    /// <summary>Versions known to be affected.</summary>
    public ImmutableArray<string> AffectedVersions { get; init; } = [];

    /// <summary>The first version that contains the fix, once one ships.</summary>
    public string? FixedVersion { get; init; }
}
