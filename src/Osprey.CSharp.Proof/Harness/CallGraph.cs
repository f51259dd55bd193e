using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// A lazily built call graph over a compilation's source members: callees by binding a member's
/// body (calls, object creations, method groups, property accessors; virtual and interface calls
/// reach every override and implementation), callers by a text search for the member's name
/// followed by binding only the trees that mention it.
/// </summary>
internal sealed class CallGraph(CSharpCompilation compilation)
{
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Dictionary<ISymbol, IReadOnlyList<ISymbol>> _callees = new(SymbolEqualityComparer.Default);

    public SemanticModel Model(SyntaxTree tree) => _models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));

    public IReadOnlyList<ISymbol> Callees(ISymbol member)
    {
        if (_callees.TryGetValue(member, out var known))
        {
            return known;
        }

        var found = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            var model = Model(syntax.SyntaxTree);
            foreach (var node in syntax.DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax))
                {
                    continue;
                }

                var symbol = model.GetSymbolInfo(node).Symbol;
                if (symbol is IPropertySymbol property)
                {
                    AddWithOverrides(found, property.GetMethod);
                    AddWithOverrides(found, property.SetMethod);
                }
                else if (symbol is IMethodSymbol method)
                {
                    AddWithOverrides(found, method);
                }
            }
        }

        var result = found.ToList();
        _callees[member] = result;
        return result;
    }

    public IReadOnlyList<ISymbol> Callers(ISymbol member)
    {
        var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor ? ctor.ContainingType.Name
            : member is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } ? property.Name
            : member.Name;
        var callers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.GetText().ToString().Contains(name, StringComparison.Ordinal))
            {
                continue;
            }

            var model = Model(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().Where(n => n is SimpleNameSyntax s && s.Identifier.ValueText == name))
            {
                var symbol = model.GetSymbolInfo(node).Symbol;
                var target = symbol is IPropertySymbol p ? (ISymbol?)p.GetMethod ?? p.SetMethod : symbol;
                if (target is IMethodSymbol called && Targets(called, member) && SourceRewrite.EnclosingMember(node, model) is { } caller)
                {
                    callers.Add(caller);
                }
            }
        }

        return [.. callers];
    }

    /// <summary>Whether <paramref name="to"/> is reachable from <paramref name="from"/> within <paramref name="depth"/> calls.</summary>
    public bool Reaches(ISymbol from, ISymbol to, int depth = 6)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { from };
        var frontier = new List<ISymbol> { from };
        for (var level = 0; level <= depth && frontier.Count > 0; level++)
        {
            if (frontier.Any(f => SymbolEqualityComparer.Default.Equals(f, to)))
            {
                return true;
            }

            frontier = frontier.SelectMany(Callees).Where(seen.Add).ToList();
        }

        return false;
    }

    // A call to `called` may run `member` when it is the same method, or `member` overrides or implements it.
    private static bool Targets(IMethodSymbol called, ISymbol member)
    {
        var target = called.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(target, member.OriginalDefinition))
        {
            return true;
        }

        if (member is not IMethodSymbol method)
        {
            return false;
        }

        for (var o = method.OverriddenMethod; o is not null; o = o.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(o.OriginalDefinition, target))
            {
                return true;
            }
        }

        return target.ContainingType?.TypeKind == TypeKind.Interface
            && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(target), method);
    }

    private void AddWithOverrides(HashSet<ISymbol> found, IMethodSymbol? method)
    {
        if (method is null)
        {
            return;
        }

        var definition = method.ReducedFrom ?? method.OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.Length > 0)
        {
            found.Add(definition);
        }

        if (definition.IsVirtual || definition.IsAbstract || definition.IsOverride || definition.ContainingType?.TypeKind == TypeKind.Interface)
        {
            foreach (var candidate in compilation.GetSymbolsWithName(definition.Name, SymbolFilter.Member).OfType<IMethodSymbol>())
            {
                if (!SymbolEqualityComparer.Default.Equals(candidate, definition) && Targets(definition, candidate))
                {
                    found.Add(candidate);
                }
            }
        }
    }
}
