using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Metadata references for the .NET runtime Osprey itself runs on (its trusted platform
/// assemblies), used to compile harnesses that run on that same runtime.
/// </summary>
public static class PlatformReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    /// <summary>Every assembly of the shared framework.</summary>
    public static ImmutableArray<MetadataReference> Runtime => All.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";
        return [.. paths
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
