using System.Collections.Concurrent;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Loading;

/// <summary>
/// One <see cref="MetadataReference"/> per assembly file for a whole load, so that a hundred projects
/// against the same reference pack share one copy (and Roslyn can share the assembly symbols).
/// Files are read as metadata only; a file that is not a .NET assembly is refused, never loaded.
/// </summary>
internal sealed class MetadataReferenceCache
{
    private readonly ConcurrentDictionary<string, MetadataReference?> _references = new(StringComparer.Ordinal);

    /// <summary>The reference for <paramref name="path"/>, or null when it is missing or not a .NET assembly.</summary>
    public MetadataReference? Get(string path) => _references.GetOrAdd(path, static p =>
    {
        try
        {
            using (var stream = File.OpenRead(p))
            using (var pe = new PEReader(stream))
            {
                if (!pe.HasMetadata)
                {
                    return null;
                }
            }

            return MetadataReference.CreateFromFile(p);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return null;
        }
    });
}
