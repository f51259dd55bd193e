using System.Xml;
using System.Xml.Linq;

namespace Osprey.CSharp.Loading;

/// <summary>The assemblies found for a project's package references, and the packages that were not found.</summary>
internal sealed record PackageResolution(IReadOnlyList<string> Assemblies, IReadOnlyList<string> Unresolved);

/// <summary>
/// Resolves <c>PackageReference</c>s from already-restored package folders
/// (<c>&lt;root&gt;/&lt;id&gt;/&lt;version&gt;/ref|lib/&lt;tfm&gt;/*.dll</c>), following the
/// dependencies each package's <c>.nuspec</c> declares. Nothing is downloaded or restored and no
/// package content other than assembly metadata is read.
/// </summary>
internal sealed class NuGetPackageResolver(IEnumerable<string> packageRoots)
{
    private readonly string[] _roots = [.. packageRoots.Where(Directory.Exists)];

    /// <summary>
    /// Resolves <paramref name="packages"/> for <paramref name="target"/>. Assemblies whose file name is
    /// in <paramref name="frameworkAssemblyNames"/> are left out: the framework already provides them.
    /// </summary>
    public PackageResolution Resolve(IEnumerable<PackageReferenceItem> packages, TargetFrameworkMoniker target, ISet<string> frameworkAssemblyNames)
    {
        var assemblies = new List<string>();
        var unresolved = new List<string>();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<(PackageReferenceItem Package, bool Direct)>(packages.Select(p => (p, true)));
        while (pending.Count > 0)
        {
            var (package, direct) = pending.Dequeue();
            if (!visited.Add(package.Id) || IsFrameworkPackage(package.Id, target))
            {
                continue;
            }

            var folder = FindVersionFolder(package);
            if (folder is null)
            {
                if (direct)
                {
                    unresolved.Add(package.Version is null ? package.Id : $"{package.Id} {package.Version}");
                }

                continue;
            }

            assemblies.AddRange(AssembliesIn(folder, target).Where(a => !frameworkAssemblyNames.Contains(Path.GetFileName(a))));
            foreach (var dependency in Dependencies(folder, target))
            {
                pending.Enqueue((dependency, false));
            }
        }

        return new PackageResolution(assemblies, unresolved);
    }

    private static bool IsFrameworkPackage(string id, TargetFrameworkMoniker target) =>
        id.Equals("NETStandard.Library", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.NETCore.", StringComparison.OrdinalIgnoreCase)
        || (target.Family == FrameworkFamily.NetCore && id.StartsWith("runtime.", StringComparison.OrdinalIgnoreCase));

    private string? FindVersionFolder(PackageReferenceItem package)
    {
        foreach (var root in _roots)
        {
            var packageFolder = Path.Combine(root, package.Id.ToLowerInvariant());
            if (!Directory.Exists(packageFolder))
            {
                continue;
            }

            var installed = Directory.EnumerateDirectories(packageFolder)
                .Select(d => (Path: d, Version: NuGetVersion.TryParse(Path.GetFileName(d))))
                .Where(d => d.Version is not null)
                .ToList();
            if (installed.Count == 0)
            {
                continue;
            }

            var spec = NuGetVersion.ParseRange(package.Version);
            var exact = installed.FirstOrDefault(d => spec.Exact is not null && NuGetVersion.Compare(d.Version!, spec.Exact) == 0);
            if (exact.Path is not null)
            {
                return exact.Path;
            }

            // NuGet takes the lowest version that satisfies the range; failing that, use what is installed.
            return installed.Where(d => spec.Minimum is null || NuGetVersion.Compare(d.Version!, spec.Minimum) >= 0)
                .OrderBy(d => d.Version, NuGetVersion.Comparer)
                .Select(d => d.Path)
                .FirstOrDefault()
                ?? installed.OrderByDescending(d => d.Version, NuGetVersion.Comparer).First().Path;
        }

        return null;
    }

    private static IEnumerable<string> AssembliesIn(string versionFolder, TargetFrameworkMoniker target)
    {
        foreach (var kind in new[] { "ref", "lib" })
        {
            var folder = Path.Combine(versionFolder, kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var best = Directory.EnumerateDirectories(folder)
                .Select(d => (Path: d, Score: TargetFrameworkMoniker.TryParse(Path.GetFileName(d)) is { } tfm ? target.CompatibilityWith(tfm) : null))
                .Where(d => d.Score is not null)
                .OrderByDescending(d => d.Score)
                .FirstOrDefault().Path;
            if (best is not null)
            {
                return Directory.EnumerateFiles(best, "*.dll").Order(StringComparer.Ordinal).ToList();
            }
        }

        return [];
    }

    private static IEnumerable<PackageReferenceItem> Dependencies(string versionFolder, TargetFrameworkMoniker target)
    {
        var nuspec = Directory.EnumerateFiles(versionFolder, "*.nuspec").FirstOrDefault();
        if (nuspec is null)
        {
            return [];
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(nuspec, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var dependencies = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        if (dependencies is null)
        {
            return [];
        }

        var groups = dependencies.Elements().Where(e => e.Name.LocalName == "group").ToList();
        var chosen = groups.Count == 0
            ? dependencies
            : groups
                .Select(g => (Group: g, Score: g.Attribute("targetFramework")?.Value is { } tf
                    ? (NuspecFramework(tf) is { } tfm ? target.CompatibilityWith(tfm) : null)
                    : 0))
                .Where(g => g.Score is not null)
                .OrderByDescending(g => g.Score)
                .FirstOrDefault().Group;
        return chosen is null
            ? []
            : chosen.Elements().Where(e => e.Name.LocalName == "dependency" && e.Attribute("id") is not null)
                .Select(e => new PackageReferenceItem(e.Attribute("id")!.Value, e.Attribute("version")?.Value))
                .ToList();
    }

    /// <summary>Parses the long framework names of nuspec files (<c>.NETStandard2.0</c>, <c>.NETFramework4.6.2</c>, <c>net8.0</c>).</summary>
    internal static TargetFrameworkMoniker? NuspecFramework(string name)
    {
        var text = name.Trim();
        static string Digits(string v) => v.Replace(".", "", StringComparison.Ordinal);
        if (text.StartsWith(".NETStandard", StringComparison.OrdinalIgnoreCase))
        {
            return TargetFrameworkMoniker.TryParse("netstandard" + text[".NETStandard".Length..]);
        }

        if (text.StartsWith(".NETCoreApp", StringComparison.OrdinalIgnoreCase))
        {
            var version = text[".NETCoreApp".Length..];
            return TargetFrameworkMoniker.TryParse((Version.TryParse(version, out var v) && v.Major >= 5 ? "net" : "netcoreapp") + version);
        }

        if (text.StartsWith(".NETFramework", StringComparison.OrdinalIgnoreCase))
        {
            return TargetFrameworkMoniker.TryParse("net" + Digits(text[".NETFramework".Length..]));
        }

        return TargetFrameworkMoniker.TryParse(text);
    }
}
