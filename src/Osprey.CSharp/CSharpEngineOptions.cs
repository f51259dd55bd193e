using System.Collections.Immutable;

namespace Osprey.CSharp;

/// <summary>Settings of the C# engine: where reference assemblies come from and how much the loader checks.</summary>
public sealed record CSharpEngineOptions
{
    /// <summary>The defaults for this machine.</summary>
    public static CSharpEngineOptions Default { get; } = new();

    /// <summary>NuGet package folders searched for <c>PackageReference</c>s and reference-assembly packages, in order.</summary>
    /// <value><c>$NUGET_PACKAGES</c> when set, else <c>~/.nuget/packages</c>; then <see cref="PackageCacheFolder"/>.</value>
    public ImmutableArray<string> PackageFolders { get; init; } = DefaultPackageFolders();

    /// <summary>Osprey's own package cache, where reference-assembly packages fetched from the feed are unpacked.</summary>
    /// <value><c>~/.cache/osprey/packages</c>.</value>
    public string PackageCacheFolder { get; init; } = Path.Combine(Home(), ".cache", "osprey", "packages");

    /// <summary>The .NET installation whose <c>packs/</c> hold the reference packs.</summary>
    /// <value><c>$DOTNET_ROOT</c>, else the installation running Osprey.</value>
    public string? DotNetRoot { get; init; } = DetectDotNetRoot();

    /// <summary>
    /// The NuGet v3 service index used to fetch missing reference-assembly packages when the scan
    /// allows network. Null reads the first v3 source of <c>~/.nuget/NuGet/NuGet.Config</c>.
    /// </summary>
    /// <value>Null (NuGet.Config, else <c>https://api.nuget.org/v3/index.json</c>).</value>
    public string? FeedUrl { get; init; }

    /// <summary>
    /// Whether the loader binds every method body to count unresolved symbols exactly. Without it
    /// only declarations (signatures, base types, fields, usings) are checked, which is much cheaper.
    /// </summary>
    /// <value>False.</value>
    public bool CountUnresolvedSymbolsInBodies { get; init; }

    private static string Home() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? home : "/tmp";

    private static ImmutableArray<string> DefaultPackageFolders()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return [string.IsNullOrWhiteSpace(configured) ? Path.Combine(Home(), ".nuget", "packages") : configured];
    }

    private static string? DetectDotNetRoot()
    {
        var configured = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrWhiteSpace(configured) && Directory.Exists(Path.Combine(configured, "packs")))
        {
            return configured;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtime is null ? null : Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        if (root is not null && Directory.Exists(Path.Combine(root, "packs")))
        {
            return root;
        }

        return new[] { "/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet" }.FirstOrDefault(r => Directory.Exists(Path.Combine(r, "packs")));
    }
}
