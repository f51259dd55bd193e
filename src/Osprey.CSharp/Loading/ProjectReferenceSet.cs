using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Loading;

/// <summary>The metadata references of one project and the references that could not be found.</summary>
internal sealed class ProjectReferenceSet
{
    private readonly Dictionary<string, MetadataReference> _byFileName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The references, one per assembly file name (the first one added wins, like MSBuild's HintPath over the framework).</summary>
    public IEnumerable<MetadataReference> References => _byFileName.Values;

    /// <summary>File names already referenced.</summary>
    public ISet<string> FileNames => _byFileName.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of references that could not be resolved.</summary>
    public List<string> Unresolved { get; } = [];

    /// <summary>Adds the assembly at <paramref name="path"/>; returns false when it is not a usable assembly.</summary>
    public bool Add(MetadataReferenceCache cache, string path)
    {
        var name = Path.GetFileName(path);
        if (_byFileName.ContainsKey(name))
        {
            return true;
        }

        if (cache.Get(path) is not { } reference)
        {
            return false;
        }

        _byFileName[name] = reference;
        return true;
    }

    /// <summary>Whether an assembly with this simple name is referenced.</summary>
    public bool Contains(string assemblyName) => _byFileName.ContainsKey(assemblyName + ".dll");
}
