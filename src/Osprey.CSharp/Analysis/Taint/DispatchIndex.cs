using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The class hierarchy of the compilation as far as calls need it: for each virtual, abstract or
/// interface method, the source methods that override or implement it. A call is resolved to the
/// implementations its receiver's allocation types select, or — when those are unknown — to every
/// implementation (class-hierarchy analysis).
/// </summary>
internal sealed class DispatchIndex
{
    private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
    private readonly MethodBodyIndex _bodies;

    /// <summary>Builds the index over the types in <paramref name="bodies"/>.</summary>
    public DispatchIndex(MethodBodyIndex bodies)
    {
        _bodies = bodies;
        foreach (var type in bodies.Types)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    Add(overridden.OriginalDefinition, method);
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers().OfType<IMethodSymbol>())
                {
                    if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation && bodies.HasBody(implementation))
                    {
                        Add(member.OriginalDefinition, implementation);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The source methods a call to <paramref name="method"/> may run. <paramref name="receiverTypes"/>
    /// are the concrete types the receiver was allocated as (empty when unknown); <paramref name="isVirtual"/>
    /// is false for calls that do not dispatch (<c>base.M()</c>, static and non-virtual methods).
    /// </summary>
    public ImmutableArray<IMethodSymbol> Resolve(IMethodSymbol method, ImmutableArray<INamedTypeSymbol> receiverTypes, bool isVirtual)
    {
        var target = method.OriginalDefinition;
        if (!isVirtual || !(target.IsVirtual || target.IsAbstract || target.IsOverride || target.ContainingType.TypeKind == TypeKind.Interface))
        {
            return _bodies.HasBody(target) ? [target] : [];
        }

        if (!receiverTypes.IsEmpty)
        {
            var chosen = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var type in receiverTypes)
            {
                if (Select(target, type) is { } selected && _bodies.HasBody(selected) && !chosen.Contains(selected, SymbolEqualityComparer.Default))
                {
                    chosen.Add(selected);
                }
            }

            return chosen.ToImmutable();
        }

        var all = ImmutableArray.CreateBuilder<IMethodSymbol>();
        if (_bodies.HasBody(target))
        {
            all.Add(target);
        }

        if (_implementations.TryGetValue(target, out var implementations))
        {
            all.AddRange(implementations.Where(i => !all.Contains(i, SymbolEqualityComparer.Default)));
        }

        return all.ToImmutable();
    }

    private static IMethodSymbol? Select(IMethodSymbol method, INamedTypeSymbol type)
    {
        if (method.ContainingType.TypeKind == TypeKind.Interface)
        {
            return type.FindImplementationForInterfaceMember(method) as IMethodSymbol;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var candidate in t.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method))
                {
                    return candidate;
                }

                for (var o = candidate.OverriddenMethod; o is not null; o = o.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(o.OriginalDefinition, method))
                    {
                        return candidate.OriginalDefinition;
                    }
                }
            }
        }

        return null;
    }

    private void Add(IMethodSymbol key, IMethodSymbol implementation)
    {
        if (!_bodies.HasBody(implementation))
        {
            return;
        }

        if (!_implementations.TryGetValue(key, out var list))
        {
            _implementations[key] = list = [];
        }

        if (!list.Contains(implementation, SymbolEqualityComparer.Default))
        {
            list.Add(implementation.OriginalDefinition);
        }
    }
}
