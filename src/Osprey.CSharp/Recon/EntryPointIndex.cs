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

    // The last name segment of every handler key: a method whose name is not among them is no
    // handler, and most lookups end here without building a documentation id.
    private readonly HashSet<string> _handlerNames = new(StringComparer.Ordinal);
    private readonly bool _hasSyntaxKeys;

    /// <summary>Creates an index from handler keys (see <see cref="KeyOf(ISymbol)"/>).</summary>
    public EntryPointIndex(IEnumerable<KeyValuePair<string, EntryPoint>> entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, EntryPoint>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            builder.TryAdd(key, entry);
            if (key.StartsWith(SyntaxKeyPrefix, StringComparison.Ordinal))
            {
                _hasSyntaxKeys = true;
            }
            else
            {
                _handlerNames.Add(LastNameSegment(key.AsSpan(0, key.IndexOf('(') is var open and >= 0 ? open : key.Length)).ToString());
            }
        }

        _byHandler = builder.ToImmutable();
        All = [.. _byHandler.Values.Distinct()];
    }

    /// <summary>An index without entry points.</summary>
    public static EntryPointIndex Empty { get; } = new([]);

    /// <summary>Every entry point.</summary>
    public ImmutableArray<EntryPoint> All { get; }

    /// <summary>The entry point <paramref name="method"/> handles, or null.</summary>
    public EntryPoint? Find(IMethodSymbol method)
    {
        var bySyntax = method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction;
        if (bySyntax ? !_hasSyntaxKeys : !_handlerNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(LastNameSegment(method.Name)))
        {
            return null;
        }

        return KeyOf(method) is { } key && _byHandler.TryGetValue(key, out var entry) ? entry : null;
    }

    /// <summary>
    /// The key of a handler: its documentation id within its assembly, or for a lambda or local
    /// function (which has none) its file and position.
    /// </summary>
    public static string? KeyOf(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
            return location is null ? null : $"{SyntaxKeyPrefix}{location.SourceTree!.FilePath}:{location.SourceSpan.Start}";
        }

        var id = symbol.OriginalDefinition.GetDocumentationCommentId();
        return id is null ? null : $"{symbol.ContainingAssembly?.Name}|{id}";
    }

    private const string SyntaxKeyPrefix = "syntax:";

    /// <summary>
    /// The part of a method name after its last <c>.</c> or <c>#</c>, without a generic arity: the
    /// same for a symbol name (<c>.ctor</c>, <c>System.IDisposable.Dispose</c>) and for the member
    /// part of its documentation id (<c>#ctor</c>, <c>System#IDisposable#Dispose</c>, <c>Map``1</c>).
    /// </summary>
    private static ReadOnlySpan<char> LastNameSegment(ReadOnlySpan<char> name)
    {
        var arity = name.IndexOf("``", StringComparison.Ordinal);
        if (arity >= 0)
        {
            name = name[..arity];
        }

        return name[(name.LastIndexOfAny('.', '#') + 1)..];
    }
}
