using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Osprey.CSharp.Loading;

/// <summary>Reads the C# project paths listed in a <c>.sln</c> or <c>.slnx</c> solution, as text or XML.</summary>
internal static partial class SolutionFileReader
{
    /// <summary>The absolute paths of the <c>.csproj</c> files the solution lists, in order.</summary>
    /// <exception cref="InvalidDataException">The solution cannot be read.</exception>
    public static IReadOnlyList<string> ReadProjects(string solutionPath)
    {
        var directory = Path.GetDirectoryName(solutionPath)!;
        IEnumerable<string> paths;
        try
        {
            paths = solutionPath.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? FromSlnx(solutionPath) : FromSln(solutionPath);
            paths = paths.ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            throw new InvalidDataException($"The solution '{solutionPath}' cannot be read: {ex.Message}", ex);
        }

        return paths
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => LoosePath.Resolve(directory, p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> FromSln(string path) =>
        File.ReadLines(path).Select(line => ProjectLine().Match(line)).Where(m => m.Success).Select(m => m.Groups["path"].Value);

    private static IEnumerable<string> FromSlnx(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader).Descendants()
            .Where(e => e.Name.LocalName == "Project" && e.Attribute("Path") is not null)
            .Select(e => e.Attribute("Path")!.Value)
            .ToList();
    }

    [GeneratedRegex(@"^\s*Project\(""\{[^}]*\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""")]
    private static partial Regex ProjectLine();
}
