using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Who may call whom among the source methods (calls, object creations, property accessors,
/// method groups turned into delegates; virtual calls to every implementation), condensed into
/// strongly connected components, so that summaries can be computed callees first.
/// </summary>
internal sealed class CallGraph
{
    private readonly ImmutableHashSet<IMethodSymbol> _selfRecursive;
    private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _callers;

    private CallGraph(ComponentGraph components, ImmutableHashSet<IMethodSymbol> selfRecursive, ImmutableArray<IMethodSymbol> roots, Dictionary<IMethodSymbol, List<IMethodSymbol>> callers)
    {
        Components = components;
        _selfRecursive = selfRecursive;
        Roots = roots;
        _callers = callers;
    }

    /// <summary>The source methods that may call <paramref name="method"/>.</summary>
    public IReadOnlyList<IMethodSymbol> CallersOf(IMethodSymbol method) =>
        _callers.TryGetValue(method.OriginalDefinition, out var callers) ? callers : [];

    /// <summary>Methods no other component calls: where static-field placeholders take the program-wide value.</summary>
    public ImmutableArray<IMethodSymbol> Roots { get; }

    /// <summary>Whether <paramref name="method"/> calls itself directly.</summary>
    public bool IsRecursive(IMethodSymbol method) => _selfRecursive.Contains(method);

    /// <summary>The strongly connected components and the calls between them.</summary>
    public ComponentGraph Components { get; }

    /// <summary>Builds the graph of <paramref name="session"/>'s methods.</summary>
    public static CallGraph Build(TaintSession session)
    {
        var methods = session.Bodies.Methods.ToImmutableArray();
        var index = new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default);
        for (var i = 0; i < methods.Length; i++)
        {
            index[methods[i]] = i;
        }

        var edges = new List<int>[methods.Length];
        Parallel.For(0, methods.Length, session.ParallelOptions, i =>
        {
            var targets = new HashSet<int>();
            if (session.Bodies.GraphOf(methods[i]) is { } graph)
            {
                foreach (var callee in Callees(graph, session))
                {
                    if (index.TryGetValue(callee.OriginalDefinition, out var j))
                    {
                        targets.Add(j);
                    }
                }
            }

            edges[i] = [.. targets.Order()];
        });

        var components = StronglyConnectedComponents.Find(edges);
        var componentOf = new int[methods.Length];
        for (var c = 0; c < components.Count; c++)
        {
            foreach (var node in components[c])
            {
                componentOf[node] = c;
            }
        }

        var calleeComponents = new HashSet<int>[components.Count];
        for (var c = 0; c < components.Count; c++)
        {
            calleeComponents[c] = [];
            foreach (var node in components[c])
            {
                foreach (var target in edges[node])
                {
                    if (componentOf[target] != c)
                    {
                        calleeComponents[c].Add(componentOf[target]);
                    }
                }
            }
        }

        var condensed = new ComponentGraph([.. components.Select(nodes => nodes.Select(n => methods[n]).ToImmutableArray())], calleeComponents);
        var selfRecursive = methods.Where((m, i) => edges[i].Contains(i)).ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var called = new bool[components.Count];
        for (var i = 0; i < methods.Length; i++)
        {
            foreach (var target in edges[i])
            {
                if (componentOf[target] != componentOf[i])
                {
                    called[componentOf[target]] = true;
                }
            }
        }

        var roots = methods.Where((m, i) => !called[componentOf[i]]).ToImmutableArray();
        var callers = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        for (var i = 0; i < methods.Length; i++)
        {
            foreach (var target in edges[i])
            {
                (callers.TryGetValue(methods[target], out var list) ? list : callers[methods[target]] = []).Add(methods[i]);
            }
        }

        return new CallGraph(condensed, selfRecursive, roots, callers);
    }

    private static IEnumerable<IMethodSymbol> Callees(ControlFlowGraph graph, TaintSession session)
    {
        var operations = graph.Blocks.SelectMany(b => b.Operations.Concat(b.BranchValue is null ? [] : [b.BranchValue]));
        foreach (var root in operations)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        foreach (var target in session.Dispatch.Resolve(invocation.TargetMethod, [], invocation.IsVirtual))
                        {
                            yield return target;
                        }

                        break;
                    case IObjectCreationOperation { Constructor: { } constructor }:
                        yield return constructor;
                        break;
                    case IPropertyReferenceOperation property:
                        foreach (var accessor in new[] { property.Property.GetMethod, property.Property.SetMethod })
                        {
                            if (accessor is not null)
                            {
                                foreach (var target in session.Dispatch.Resolve(accessor, [], property.Instance is not null))
                                {
                                    yield return target;
                                }
                            }
                        }

                        break;
                    case IMethodReferenceOperation reference:
                        yield return reference.Method;
                        break;
                    case IFlowAnonymousFunctionOperation function:
                        foreach (var inner in Callees(graph.GetAnonymousFunctionControlFlowGraph(function), session))
                        {
                            yield return inner;
                        }

                        break;
                }
            }
        }

        foreach (var local in graph.LocalFunctions)
        {
            foreach (var inner in Callees(graph.GetLocalFunctionControlFlowGraph(local), session))
            {
                yield return inner;
            }
        }
    }
}
