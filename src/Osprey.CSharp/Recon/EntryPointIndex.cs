using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Recon;

/// <summary>
/// Maps handler methods (and minimal-API lambdas) to the entry points recon found, so that an
/// analysis can say whether a finding is reachable before authentication.
/// </summary>
internal sealed class EntryPointIndex
{
    private readonly ImmutableDictionary<string, EntryPoint> _byHandler;

    /// <summary>Creates an index from handler keys (see <see cref="KeyOf(ISymbol)"/>).</summary>
    public EntryPointIndex(IEnumerable<KeyValuePair<string, EntryPoint>> entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, EntryPoint>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            builder.TryAdd(key, entry);
        }

        _byHandler = builder.ToImmutable();
        All = [.. _byHandler.Values.Distinct()];
    }

    /// <summary>An index without entry points.</summary>
    public static EntryPointIndex Empty { get; } = new([]);

    /// <summary>Every entry point.</summary>
    public ImmutableArray<EntryPoint> All { get; }

    /// <summary>The entry point <paramref name="method"/> handles, or null.</summary>
    public EntryPoint? Find(IMethodSymbol method) =>
        KeyOf(method) is { } key && _byHandler.TryGetValue(key, out var entry) ? entry : null;

    /// <summary>
    /// The key of a handler: its documentation id within its assembly, or for a lambda or local
    /// function (which has none) its file and position.
    /// </summary>
    public static string? KeyOf(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
            return location is null ? null : $"syntax:{location.SourceTree!.FilePath}:{location.SourceSpan.Start}";
        }

        var id = symbol.OriginalDefinition.GetDocumentationCommentId();
        return id is null ? null : $"{symbol.ContainingAssembly?.Name}|{id}";
    }
}
