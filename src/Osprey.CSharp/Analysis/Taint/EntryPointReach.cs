using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;
using Osprey.CSharp.Recon;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Which entry points lead to a flow: those recon recorded for a method of the flow's trace, or
/// for a method that (transitively) calls one, or for a minimal-API lambda a step lies in.
/// Not thread-safe: asked about one flow at a time.
/// </summary>
internal sealed class EntryPointReach
{
    private const int MaxMethodsVisited = 4096;

    private readonly TaintSession _session;
    private readonly CallGraph _graph;
    private readonly EntryPointIndex _index;
    private readonly Lazy<Dictionary<string, IMethodSymbol>> _byName;

    // Findings of one program walk the same callers again and again; a handler key is a string built per lookup.
    private readonly Dictionary<IMethodSymbol, EntryPoint?> _entries = new(SymbolEqualityComparer.Default);

    /// <summary>Creates the lookup over <paramref name="graph"/> and the entry points recon found.</summary>
    public EntryPointReach(TaintSession session, CallGraph graph, EntryPointIndex index)
    {
        _session = session;
        _graph = graph;
        _index = index;
        _byName = new(() =>
        {
            var byName = new Dictionary<string, IMethodSymbol>(StringComparer.Ordinal);
            foreach (var method in session.Bodies.Methods)
            {
                byName.TryAdd(session.MemberName(method), method);
            }

            return byName;
        });
    }

    /// <summary>The entry points from which <paramref name="trace"/> can run; empty when recon knows none.</summary>
    public ImmutableArray<EntryPoint> Of(TaintTrace trace)
    {
        if (_index.All.IsEmpty)
        {
            return [];
        }

        var found = new List<EntryPoint>();
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var work = new Queue<IMethodSymbol>();
        foreach (var step in trace.Steps())
        {
            if (step.Member is { } member && _byName.Value.TryGetValue(member, out var method) && seen.Add(method))
            {
                work.Enqueue(method);
            }

            if (LambdaEntryPoint(step.Location) is { } lambda)
            {
                found.Add(lambda);
            }
        }

        // A step inside a minimal-API handler lambda runs when that endpoint is requested; the method
        // the lambda is written in (Program's top-level statements) only maps it, at startup.
        if (found.Count > 0)
        {
            return [.. found.Distinct()];
        }

        while (work.Count > 0 && seen.Count < MaxMethodsVisited)
        {
            var method = work.Dequeue();
            if (EntryOf(method) is { } entry)
            {
                found.Add(entry);
                continue;
            }

            foreach (var caller in _graph.CallersOf(method))
            {
                if (seen.Add(caller))
                {
                    work.Enqueue(caller);
                }
            }
        }

        return [.. found.Distinct()];
    }

    private EntryPoint? EntryOf(IMethodSymbol method)
    {
        if (!_entries.TryGetValue(method, out var entry))
        {
            _entries[method] = entry = _index.Find(method);
        }

        return entry;
    }

    private EntryPoint? LambdaEntryPoint(Location location)
    {
        if (location.SourceTree is not { } tree || !_session.Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        foreach (var lambda in node.AncestorsAndSelf().OfType<AnonymousFunctionExpressionSyntax>())
        {
            if (_session.SemanticModels.Get(tree).GetSymbolInfo(lambda).Symbol is IMethodSymbol symbol && _index.Find(symbol) is { } entry)
            {
                return entry;
            }
        }

        return null;
    }
}
