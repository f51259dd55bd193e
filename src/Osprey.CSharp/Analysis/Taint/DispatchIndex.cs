using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> _subtypes = new(SymbolEqualityComparer.Default);

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

    /// <summary>
    /// The types declared in source that are, derive from or implement <paramref name="type"/>
    /// (generic arguments ignored, so a <c>Repository&lt;T&gt;</c> counts for every <c>T</c>).
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> SubtypesOf(INamedTypeSymbol type) =>
        _subtypes.GetOrAdd(type.OriginalDefinition, static (target, types) => [.. types.Where(t => IsSubtype(t, target))], _bodies.Types);

    private static bool IsSubtype(INamedTypeSymbol type, INamedTypeSymbol target)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, target))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, target));
    }

    private static IMethodSymbol? Select(IMethodSymbol method, INamedTypeSymbol type)
    {
        if (method.ContainingType.TypeKind == TypeKind.Interface)
        {
            // The interface maps to the virtual slot a base class declares; the type may override it.
            var implementation = type.FindImplementationForInterfaceMember(method) as IMethodSymbol;
            return implementation is { IsVirtual: true } or { IsOverride: true } or { IsAbstract: true }
                ? Select(implementation.OriginalDefinition, type) ?? implementation
                : implementation;
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
