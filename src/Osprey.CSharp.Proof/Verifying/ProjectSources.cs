using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.CSharp.Proof.Harness;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// Builds a compilation for a finding's project without the loader: every <c>.cs</c> file under
/// the nearest folder (at or above the finding's file, within the scan root) holding a project
/// file, the folders of its <c>ProjectReference</c>s (the project file is read as XML, never
/// evaluated), and a <c>testcasesupport</c> folder beside one of the four nearest ancestors (Juliet's
/// shared support classes, which may sit above the scan root). Parsed once per project folder.
/// </summary>
internal sealed class ProjectSources
{
    private readonly ConcurrentDictionary<string, Lazy<CSharpCompilation>> _byProject = new(StringComparer.Ordinal);

    public CSharpCompilation? For(string root, string relativeFile)
    {
        var rootFull = Path.GetFullPath(root);
        var file = Path.GetFullPath(Path.Combine(rootFull, relativeFile));
        if (!File.Exists(file))
        {
            return null;
        }

        var project = ProjectFolder(rootFull, Path.GetDirectoryName(file)!);
        return _byProject.GetOrAdd(project, p => new Lazy<CSharpCompilation>(() => Load(rootFull, p))).Value;
    }

    private static string ProjectFolder(string root, string directory)
    {
        for (var d = directory; d.StartsWith(root, StringComparison.Ordinal); d = Path.GetDirectoryName(d) ?? "")
        {
            if (Directory.EnumerateFiles(d, "*.csproj").Any())
            {
                return d;
            }

            if (d == root)
            {
                break;
            }
        }

        return directory;
    }

    private static CSharpCompilation Load(string root, string project)
    {
        var folders = new List<string> { project };
        foreach (var csproj in Directory.EnumerateFiles(project, "*.csproj"))
        {
            try
            {
                folders.AddRange(XDocument.Load(csproj).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
                    .Select(e => (string?)e.Attribute("Include"))
                    .OfType<string>()
                    .Select(i => Path.GetDirectoryName(Path.GetFullPath(Path.Combine(project, i.Replace('\\', '/'))))!)
                    .Where(Directory.Exists));
            }
            catch (System.Xml.XmlException)
            {
                // An unreadable project file: its folder's sources are still compiled.
            }
        }

        var levels = 0;
        for (var d = Path.GetDirectoryName(project); d is not null && levels++ < 4; d = Path.GetDirectoryName(d))
        {
            var support = Directory.EnumerateDirectories(d).FirstOrDefault(s => Path.GetFileName(s).Equals("testcasesupport", StringComparison.OrdinalIgnoreCase));
            if (support is not null)
            {
                folders.Add(support);
                break;
            }
        }

        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = folders.Distinct(StringComparer.Ordinal)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .ToList();
        return CSharpCompilation.Create(Path.GetFileName(project), trees, PlatformReferences.Runtime, HarnessEmitter.ConsoleOptions());
    }
}
