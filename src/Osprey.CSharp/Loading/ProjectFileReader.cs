using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace Osprey.CSharp.Loading;

/// <summary>
/// Reads project files, <c>Directory.Build.props</c> and <c>Directory.Packages.props</c> as XML data.
/// Nothing is evaluated: no targets, no tasks, no imports other than the props chain, no
/// property functions. DTDs are refused and no external entity is resolved. One instance per
/// load shares the parsed props files between projects.
/// </summary>
internal sealed class ProjectFileReader
{
    private const long MaxProjectFileBytes = 4 * 1024 * 1024;
    private readonly ConcurrentDictionary<string, XDocument?> _documents = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="path"/>. Throws <see cref="InvalidDataException"/> when it is not a readable project file.</summary>
    public ProjectFile Read(string path)
    {
        var document = Load(path) ?? throw new InvalidDataException($"'{path}' is not a readable XML project file.");
        var root = document.Root!;
        var sdk = SdkOf(root);
        var directory = Path.GetDirectoryName(path)!;
        var chain = sdk is null ? [] : PropsChain(directory, "Directory.Build.props");

        var builtIn = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Configuration"] = "Debug",
            ["Platform"] = "AnyCPU",
            ["MSBuildProjectDirectory"] = directory,
            ["MSBuildProjectName"] = Path.GetFileNameWithoutExtension(path),
            ["MSBuildProjectFile"] = Path.GetFileName(path),
            ["MSBuildProjectFullPath"] = path,
        };

        // Pass 1 finds every framework the project names, under any condition; pass 2 evaluates
        // properties and items knowing the framework that was picked.
        var candidates = new List<string>();
        foreach (var file in chain.Append(path))
        {
            CollectFrameworks(Load(file)!.Root!, builtIn, candidates);
        }

        var framework = TargetFrameworkSelector.Pick(candidates, sdk is not null);
        var accumulator = new ProjectPropertyAccumulator(new Dictionary<string, string>(builtIn, StringComparer.OrdinalIgnoreCase) { ["TargetFramework"] = framework.Name });
        foreach (var file in chain.Append(path))
        {
            accumulator.Properties["MSBuildThisFileDirectory"] = Path.GetDirectoryName(file)! + "/";
            accumulator.Visit(Load(file)!.Root!, Path.GetDirectoryName(file)!);
        }

        accumulator.Properties["TargetFramework"] = framework.Name;
        var versions = sdk is null ? ImmutableDictionary<string, string>.Empty : CentralVersions(directory);
        return new ProjectFile
        {
            Path = path,
            Sdk = sdk,
            Properties = accumulator.Properties.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            TargetFramework = framework,
            TargetFrameworkCandidates = [.. candidates],
            CompileItems = [.. accumulator.Compile],
            References = [.. accumulator.References],
            ProjectReferences = [.. accumulator.ProjectReferences.Distinct(StringComparer.Ordinal)],
            PackageReferences = [.. accumulator.Packages.Select(p => p.Version is null && versions.TryGetValue(p.Id, out var v) ? p with { Version = v } : p)],
            FrameworkReferences = [.. accumulator.FrameworkReferences],
            Usings = [.. accumulator.Usings],
        };
    }

    private static string? SdkOf(XElement root)
    {
        if (root.Attribute("Sdk")?.Value is { Length: > 0 } sdk)
        {
            return sdk.Split('/')[0].Trim();
        }

        return root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value
            ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Import" && e.Attribute("Sdk") is not null)?.Attribute("Sdk")?.Value;
    }

    private static void CollectFrameworks(XElement root, IReadOnlyDictionary<string, string> properties, List<string> candidates)
    {
        foreach (var element in root.Elements().Where(e => e.Name.LocalName == "PropertyGroup").SelectMany(g => g.Elements()))
        {
            var name = element.Name.LocalName;
            if (name is "TargetFramework" or "TargetFrameworks" && MsBuildConditions.Expand(element.Value, properties) is { Length: > 0 } value)
            {
                candidates.Add(value);
            }
            else if (name == "TargetFrameworkVersion" && TargetFrameworkMoniker.FromFrameworkVersion(element.Value) is { } tfm)
            {
                candidates.Add(tfm.Name);
            }
        }
    }

    /// <summary>The <c>Directory.*.props</c> files that apply to a folder, outermost first.</summary>
    private List<string> PropsChain(string directory, string fileName)
    {
        var chain = new List<string>();
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, fileName);
            if (!File.Exists(candidate) || Load(candidate) is not { } document)
            {
                continue;
            }

            chain.Add(candidate);
            var importsAbove = document.Root!.Elements().Any(e => e.Name.LocalName == "Import"
                && (e.Attribute("Project")?.Value ?? "") is var p
                && (p.Contains("FileAbove", StringComparison.Ordinal) || p.Contains("..", StringComparison.Ordinal)));
            if (!importsAbove)
            {
                break;
            }
        }

        chain.Reverse();
        return chain;
    }

    private ImmutableDictionary<string, string> CentralVersions(string directory)
    {
        var versions = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in PropsChain(directory, "Directory.Packages.props"))
        {
            foreach (var item in Load(file)!.Root!.Descendants().Where(e => e.Name.LocalName == "PackageVersion"))
            {
                if (item.Attribute("Include")?.Value is { Length: > 0 } id && (item.Attribute("Version")?.Value ?? ChildValue(item, "Version")) is { Length: > 0 } version)
                {
                    versions[id] = version;
                }
            }
        }

        return versions.ToImmutable();
    }

    private XDocument? Load(string path) => _documents.GetOrAdd(path, static p =>
    {
        try
        {
            if (new FileInfo(p).Length > MaxProjectFileBytes)
            {
                return null;
            }

            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(p, settings);
            var document = XDocument.Load(reader);
            return document.Root is null ? null : document;
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });

    internal static string? ChildValue(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
}
