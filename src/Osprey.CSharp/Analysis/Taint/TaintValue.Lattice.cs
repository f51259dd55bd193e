using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>The lattice operations: merge (join) and comparison.</summary>
internal sealed partial class TaintValue
{
    /// <summary>The join of two values: union of origins (an origin is sanitised only if sanitised on both sides), fields, types and delegates; a constant survives only if both agree.</summary>
    public static TaintValue Merge(TaintValue a, TaintValue b)
    {
        // Bottom (the shared singleton: nothing assigned yet) is the identity. Any other empty value
        // is "evaluated, nothing known": it still kills a constant on the other side.
        if (ReferenceEquals(a, b) || ReferenceEquals(b, Bottom) || (b.IsBottom && !a.HasConstant))
        {
            return a;
        }

        if (ReferenceEquals(a, Bottom) || (a.IsBottom && !b.HasConstant))
        {
            return b;
        }

        var fields = a.Fields;
        foreach (var (name, value) in b.Fields)
        {
            fields = fields.SetItem(name, fields.TryGetValue(name, out var mine) ? Merge(mine, value) : value);
        }

        var sameConstant = a.HasConstant && b.HasConstant && Equals(a.Constant, b.Constant);
        var types = a.Types.IsEmpty || b.Types.IsEmpty ? [] : MergeTypes(a.Types, b.Types);
        var delegates = b.Delegates.IsEmpty ? a.Delegates : a.Delegates.IsEmpty ? b.Delegates : MergeDelegates(a.Delegates, b.Delegates);
        var origins = MergeOrigins(a.Origins, b.Origins);
        var root = a.Root == b.Root ? a.Root : null;
        var sites = MergeSites(a.Sites, b.Sites);

        // Most joins at a loop head or after a branch add nothing: a itself is the join then.
        if (origins == a.Origins && ReferenceEquals(fields, a.Fields) && (sameConstant || !a.HasConstant)
            && types == a.Types && delegates == a.Delegates && root == a.Root && sites == a.Sites)
        {
            return a;
        }

        var merged = new TaintValue(origins, fields, sameConstant ? a.Constant : null, sameConstant, types, delegates, root, sites);
        Debug.Assert(merged.Covers(a) && merged.Covers(b), "Merge must be monotonic.");
        return merged;
    }

    // Not lambdas in Merge: a closure over a parameter is allocated on every call, used or not.
    private static ImmutableArray<INamedTypeSymbol> MergeTypes(ImmutableArray<INamedTypeSymbol> a, ImmutableArray<INamedTypeSymbol> b)
    {
        ImmutableArray<INamedTypeSymbol>.Builder? added = null;
        foreach (var type in b)
        {
            if (!a.Contains(type, SymbolEqualityComparer.Default))
            {
                (added ??= ImmutableArray.CreateBuilder<INamedTypeSymbol>()).Add(type);
            }
        }

        return added is null ? a : a.AddRange(added);
    }

    private static ImmutableArray<object> MergeDelegates(ImmutableArray<object> a, ImmutableArray<object> b)
    {
        ImmutableArray<object>.Builder? added = null;
        foreach (var target in b)
        {
            if (!a.Contains(target))
            {
                (added ??= ImmutableArray.CreateBuilder<object>()).Add(target);
            }
        }

        return added is null ? a : a.AddRange(added);
    }

    /// <summary>
    /// Union of origin lists; for an origin on both sides, its sanitisation is the intersection, and its
    /// path the less sanitised side's (the path that reaches the sinks the other was cleared for). Past
    /// <see cref="MaxOrigins"/> the least origins in <see cref="TaintOrigin.CompareForCap"/> order are kept.
    /// </summary>
    public static ImmutableArray<TaintOrigin> MergeOrigins(ImmutableArray<TaintOrigin> a, ImmutableArray<TaintOrigin> b)
    {
        if (b.IsEmpty)
        {
            return a;
        }

        if (a.IsEmpty)
        {
            return b;
        }

        // Copied on the first change only; until then the result is a itself.
        ImmutableArray<TaintOrigin>.Builder? builder = null;
        foreach (var origin in b)
        {
            var count = builder?.Count ?? a.Length;
            var index = -1;
            for (var i = 0; i < count; i++)
            {
                if (At(i).SameIdentity(origin))
                {
                    index = i;
                    break;
                }
            }

            if (index >= 0)
            {
                var known = At(index);
                var mask = known.Sanitized & origin.Sanitized;
                if (mask != known.Sanitized)
                {
                    // The less sanitised side's path is the one that reaches the sinks the other was
                    // cleared for: keep it, so a finding's trace shows a path that does reach its sink.
                    builder ??= Copy(a);
                    builder[index] = mask == origin.Sanitized ? origin : known.WithExactSanitized(mask);
                }
            }
            else if (count < MaxOrigins)
            {
                builder ??= Copy(a);
                builder.Add(origin);
            }
            else
            {
                // Full: keep the least origins in a fixed order, so the result does not depend on
                // which thread's value was merged first.
                var largest = 0;
                for (var i = 1; i < count; i++)
                {
                    if (TaintOrigin.CompareForCap(At(i), At(largest)) > 0)
                    {
                        largest = i;
                    }
                }

                if (TaintOrigin.CompareForCap(origin, At(largest)) < 0)
                {
                    builder ??= Copy(a);
                    builder[largest] = origin;
                }
            }
        }

        return builder is null ? a : builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();

        TaintOrigin At(int i) => builder is null ? a[i] : builder[i];

        static ImmutableArray<TaintOrigin>.Builder Copy(ImmutableArray<TaintOrigin> origins)
        {
            var copy = ImmutableArray.CreateBuilder<TaintOrigin>(Math.Min(MaxOrigins, origins.Length + 4));
            copy.AddRange(origins);
            return copy;
        }
    }

    /// <summary>Whether this value is at least as high in the lattice as <paramref name="other"/> (used to check merges).</summary>
    public bool Covers(TaintValue other)
    {
        if (other.IsBottom)
        {
            return true;
        }

        foreach (var origin in other.Origins)
        {
            if (!Origins.Any(o => o.SameIdentity(origin) && (o.Sanitized & ~origin.Sanitized) == 0) && Origins.Length < MaxOrigins)
            {
                return false;
            }
        }

        return other.Fields.All(f => Fields.TryGetValue(f.Key, out var mine) && mine.Covers(f.Value));
    }

    /// <summary>Structural equality of the lattice state (paths are ignored).</summary>
    public bool SameAs(TaintValue other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Origins.Length != other.Origins.Length || Fields.Count != other.Fields.Count || HasConstant != other.HasConstant
            || (HasConstant && !Equals(Constant, other.Constant)) || Types.Length != other.Types.Length
            || Delegates.Length != other.Delegates.Length || Root != other.Root || Sites.Length != other.Sites.Length)
        {
            return false;
        }

        foreach (var origin in Origins)
        {
            if (!Contains(other.Origins, origin))
            {
                return false;
            }
        }

        foreach (var site in Sites)
        {
            if (!ContainsSite(other.Sites, site))
            {
                return false;
            }
        }

        foreach (var (name, value) in Fields)
        {
            if (!other.Fields.TryGetValue(name, out var theirs) || !value.SameAs(theirs))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(ImmutableArray<TaintOrigin> origins, TaintOrigin origin)
    {
        foreach (var o in origins)
        {
            if (o.SameState(origin))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsSite(ImmutableArray<AllocationSite> sites, AllocationSite site)
    {
        foreach (var s in sites)
        {
            if (site.SameAs(s))
            {
                return true;
            }
        }

        return false;
    }
}
