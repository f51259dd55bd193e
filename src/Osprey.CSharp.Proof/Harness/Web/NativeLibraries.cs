using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// The native libraries a project's packages ship for this platform (<c>runtimes/&lt;rid&gt;/native</c>,
/// e.g. SQLite's <c>libe_sqlite3.so</c>), from the packages of its managed library files and the
/// packages those depend on. A harness has no <c>deps.json</c>: the runtime finds them beside it.
/// </summary>
internal static class NativeLibraries
{
    public static IReadOnlyList<string> For(IEnumerable<string> libraries)
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var found = new List<string>();
        var packages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var library in libraries)
        {
            if (PackageRoot(library) is not { } root || !packages.Add(root))
            {
                continue;
            }

            foreach (var package in Dependencies(root).Prepend(root).Distinct(StringComparer.Ordinal))
            {
                var native = Path.Combine(package, "runtimes", rid, "native");
                if (Directory.Exists(native))
                {
                    found.AddRange(Directory.EnumerateFiles(native));
                }
            }
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    // …/packages/<id>/<version>/lib/<tfm>/X.dll → …/packages/<id>/<version>
    private static string? PackageRoot(string library)
    {
        var lib = library.LastIndexOf("/lib/", StringComparison.Ordinal);
        return lib > 0 && Directory.Exists(library[..lib]) ? library[..lib] : null;
    }

    private static IEnumerable<string> Dependencies(string root)
    {
        var nuspec = Directory.EnumerateFiles(root, "*.nuspec").FirstOrDefault();
        var packagesFolder = Path.GetDirectoryName(Path.GetDirectoryName(root));
        if (nuspec is null || packagesFolder is null)
        {
            yield break;
        }

        IEnumerable<string> ids;
        try
        {
            ids = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => ((string?)e.Attribute("id") ?? "").ToLowerInvariant()).Where(id => id.Length > 0).Distinct().ToList();
        }
        catch (System.Xml.XmlException)
        {
            yield break;
        }

        foreach (var id in ids)
        {
            var folder = Path.Combine(packagesFolder, id);
            if (Directory.Exists(folder) && Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).LastOrDefault() is { } version)
            {
                yield return version;
            }
        }
    }
}
