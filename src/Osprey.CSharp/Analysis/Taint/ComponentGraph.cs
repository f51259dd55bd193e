using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The condensation of a call graph: its strongly connected components (methods that call each
/// other, directly or not) and, between distinct components, who calls whom. Acyclic by construction.
/// </summary>
internal sealed class ComponentGraph
{
    private readonly int[] _calleeCounts;
    private readonly int[][] _callers;

    /// <summary>Creates the graph; <paramref name="callees"/> lists, per component, the distinct other components it calls.</summary>
    public ComponentGraph(ImmutableArray<ImmutableArray<IMethodSymbol>> components, IReadOnlyList<IReadOnlyCollection<int>> callees)
    {
        Members = components;
        _calleeCounts = new int[components.Length];
        var callers = new List<int>[components.Length];
        for (var c = 0; c < components.Length; c++)
        {
            callers[c] = [];
        }

        for (var c = 0; c < components.Length; c++)
        {
            foreach (var callee in callees[c])
            {
                _calleeCounts[c]++;
                callers[callee].Add(c);
            }
        }

        _callers = [.. callers.Select(l => l.ToArray())];
    }

    /// <summary>The methods of each component.</summary>
    public ImmutableArray<ImmutableArray<IMethodSymbol>> Members { get; }

    /// <summary>The number of components.</summary>
    public int Count => Members.Length;

    /// <summary>How many other components component <paramref name="component"/> calls.</summary>
    public int CalleeCount(int component) => _calleeCounts[component];

    /// <summary>The other components that call component <paramref name="component"/>.</summary>
    public ReadOnlySpan<int> CallersOf(int component) => _callers[component];
}
