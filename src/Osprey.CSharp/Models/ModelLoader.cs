using System.Reflection;
using Osprey.Core.Scanning;

namespace Osprey.CSharp.Models;

/// <summary>
/// Gathers the models for one scan: the ones built into Osprey (embedded <c>*.model.yml</c>
/// resources), the scanned repository's <c>.osprey/models/*.model.yml</c>, and the files named in
/// <see cref="ScanOptions.ModelFiles"/>. A file that cannot be read is an error in the set, not an exception.
/// </summary>
internal static class ModelLoader
{
    private const string ResourceSuffix = ".model.yml";

    private static readonly Lazy<ModelSet> BuiltIn = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in models (parsed once: they are part of Osprey, not of any scan).</summary>
    public static ModelSet BuiltInModels => BuiltIn.Value;

    /// <summary>Built-in models plus the repository's and the command line's.</summary>
    public static ModelSet Load(string? repositoryRoot, IEnumerable<string> extraFiles)
    {
        var set = BuiltInModels;
        if (repositoryRoot is not null)
        {
            var folder = Path.Combine(repositoryRoot, ".osprey", "models");
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    set = set.Concat(LoadFile(file));
                }
            }
        }

        foreach (var file in extraFiles)
        {
            set = set.Concat(LoadFile(file));
        }

        return set;
    }

    /// <summary>Reads and parses one model file.</summary>
    public static ModelSet LoadFile(string path)
    {
        try
        {
            return ModelFileParser.Parse(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ModelSet { Errors = [new ModelError(new ModelOrigin(path, 0), "cannot read the model file: " + e.Message)] };
        }
    }

    private static ModelSet LoadBuiltIn()
    {
        var assembly = typeof(ModelLoader).Assembly;
        var set = ModelSet.Empty;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            set = set.Concat(ModelFileParser.Parse(ShortName(name), reader.ReadToEnd()));
        }

        return set;
    }

    private static string ShortName(string resourceName)
    {
        const string Marker = ".Models.Data.";
        var index = resourceName.IndexOf(Marker, StringComparison.Ordinal);
        return "Models/Data/" + (index >= 0 ? resourceName[(index + Marker.Length)..] : resourceName);
    }
}
