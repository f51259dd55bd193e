using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// The references a harness compiles against: the runtime it will run on (never the scanned
/// project's framework reference assemblies, which may be .NET Framework's), ASP.NET Core's shared
/// framework when the project uses it, and the project's other references (its packages).
/// </summary>
internal static class HarnessReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore = new(LoadAspNetCore);

    /// <summary>The harness's references, whether it needs ASP.NET Core, and the project's own library files, which must be copied beside it.</summary>
    public static (ImmutableArray<MetadataReference> References, bool UsesAspNetCore, ImmutableArray<string> Libraries) For(CSharpCompilation scanned)
    {
        var platformNames = PlatformReferences.Runtime.Select(NameOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var aspNames = AspNetCore.Value.Select(NameOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var frameworkNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "mscorlib", "netstandard", "System", "System.Core", "System.Web", "System.Data",
            // Windows-only on modern .NET (every constructor throws elsewhere): the harness uses its double.
            "System.DirectoryServices" };
        // By its references, or — when the loader could not resolve the shared framework — by its code.
        var usesAsp = scanned.References.Select(NameOf).Any(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
            || scanned.SyntaxTrees.Any(t => t.GetText().ToString().Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        var own = scanned.References.Where(r =>
        {
            var name = NameOf(r);
            return !platformNames.Contains(name) && !aspNames.Contains(name) && !frameworkNames.Contains(name);
        }).ToList();
        var references = PlatformReferences.Runtime.AddRange(usesAsp ? AspNetCore.Value : []).AddRange(own);
        var libraries = own.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>().Where(File.Exists).ToImmutableArray();
        return (references, usesAsp && !AspNetCore.Value.IsEmpty, libraries);
    }

    private static string NameOf(MetadataReference reference) =>
        Path.GetFileNameWithoutExtension(reference.Display ?? "");

    private static ImmutableArray<MetadataReference> LoadAspNetCore()
    {
        var netcore = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(netcore)) ?? "";
        var version = Path.GetFileName(netcore);
        var directory = Path.Combine(shared, "Microsoft.AspNetCore.App", version);
        if (!Directory.Exists(directory))
        {
            directory = Directory.Exists(Path.Combine(shared, "Microsoft.AspNetCore.App"))
                ? Directory.GetDirectories(Path.Combine(shared, "Microsoft.AspNetCore.App")).Order(StringComparer.Ordinal).LastOrDefault() ?? ""
                : "";
        }

        return directory.Length == 0 || !Directory.Exists(directory)
            ? []
            : [.. Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
