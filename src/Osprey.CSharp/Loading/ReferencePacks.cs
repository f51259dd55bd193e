using System.Collections.Immutable;

namespace Osprey.CSharp.Loading;

/// <summary>
/// Finds reference assemblies of the frameworks: the .NET and ASP.NET Core reference packs of the
/// installed SDK, and the .NET Framework reference-assembly packages in the NuGet caches. These
/// assemblies hold only metadata; none of their code can run.
/// </summary>
internal sealed class ReferencePacks(CSharpEngineOptions options)
{
    /// <summary>The id prefix of the .NET Framework reference-assembly packages.</summary>
    public const string NetFrameworkPackagePrefix = "microsoft.netframework.referenceassemblies.";

    /// <summary>The assemblies of the .NET reference pack (<c>Microsoft.NETCore.App.Ref</c>), or empty when not installed.</summary>
    public ImmutableArray<string> NetCore(TargetFrameworkMoniker target) => Pack("Microsoft.NETCore.App.Ref", target);

    /// <summary>The assemblies of the ASP.NET Core reference pack, or empty when not installed.</summary>
    public ImmutableArray<string> AspNetCore(TargetFrameworkMoniker target) => Pack("Microsoft.AspNetCore.App.Ref", target);

    /// <summary>
    /// The folder of .NET Framework reference assemblies for <paramref name="target"/> (e.g.
    /// <c>build/.NETFramework/v4.8</c>) from the package caches; a newer framework's assemblies
    /// stand in for an older one's. Null when none is installed.
    /// </summary>
    public string? NetFrameworkDirectory(TargetFrameworkMoniker target)
    {
        var candidates = new List<(Version Version, string Path)>();
        foreach (var root in PackageRoots())
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var package in Directory.EnumerateDirectories(root, NetFrameworkPackagePrefix + "*"))
            {
                foreach (var version in Directory.EnumerateDirectories(package))
                {
                    var frameworks = Path.Combine(version, "build", ".NETFramework");
                    if (!Directory.Exists(frameworks))
                    {
                        continue;
                    }

                    foreach (var folder in Directory.EnumerateDirectories(frameworks, "v*"))
                    {
                        if (Version.TryParse(Path.GetFileName(folder)[1..], out var v) && File.Exists(Path.Combine(folder, "mscorlib.dll")))
                        {
                            candidates.Add((v, folder));
                        }
                    }
                }
            }
        }

        // The exact version when present, else the nearest newer, else the newest older.
        return candidates.OrderBy(c => c.Version == target.Version ? 0 : c.Version > target.Version ? 1 : 2)
            .ThenBy(c => c.Version > target.Version ? c.Version : new Version(99, 0))
            .ThenByDescending(c => c.Version)
            .Select(c => c.Path)
            .FirstOrDefault();
    }

    /// <summary>The package folders to search, Osprey's own cache last.</summary>
    public IEnumerable<string> PackageRoots() => options.PackageFolders.Append(options.PackageCacheFolder);

    private ImmutableArray<string> Pack(string name, TargetFrameworkMoniker target)
    {
        if (options.DotNetRoot is null)
        {
            return [];
        }

        var packRoot = Path.Combine(options.DotNetRoot, "packs", name);
        if (!Directory.Exists(packRoot))
        {
            return [];
        }

        // Newest pack version; inside it, the ref folder nearest the target (a newer one when the
        // target is newer than anything installed).
        var version = Directory.EnumerateDirectories(packRoot)
            .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version is not null)
            .OrderByDescending(d => d.Version)
            .FirstOrDefault().Path;
        var refRoot = version is null ? null : Path.Combine(version, "ref");
        if (refRoot is null || !Directory.Exists(refRoot))
        {
            return [];
        }

        var folders = Directory.EnumerateDirectories(refRoot)
            .Select(d => (Path: d, Tfm: TargetFrameworkMoniker.TryParse(Path.GetFileName(d))))
            .Where(d => d.Tfm is not null)
            .ToList();
        var best = folders.Where(f => target.Family != FrameworkFamily.NetCore || f.Tfm!.Version <= target.Version)
            .OrderByDescending(f => f.Tfm!.Version)
            .Concat(folders.OrderByDescending(f => f.Tfm!.Version))
            .FirstOrDefault().Path;
        return best is null ? [] : [.. Directory.EnumerateFiles(best, "*.dll").Order(StringComparer.Ordinal)];
    }
}
