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
        var types = a.Types.IsEmpty || b.Types.IsEmpty ? [] : a.Types.AddRange(b.Types.Where(t => !a.Types.Contains(t, SymbolEqualityComparer.Default)));
        var delegates = a.Delegates.AddRange(b.Delegates.Where(d => !a.Delegates.Contains(d)));
        var merged = new TaintValue(MergeOrigins(a.Origins, b.Origins), fields, sameConstant ? a.Constant : null, sameConstant, types, delegates, a.Root == b.Root ? a.Root : null, MergeSites(a.Sites, b.Sites));
        Debug.Assert(merged.Covers(a) && merged.Covers(b), "Merge must be monotonic.");
        return merged;
    }

    /// <summary>Union of origin lists; for an origin on both sides, its sanitisation is the intersection.</summary>
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

        ImmutableArray<TaintOrigin>.Builder? builder = null;
        foreach (var origin in b)
        {
            var list = builder is null ? a : builder.ToImmutable();
            var index = -1;
            for (var i = 0; i < list.Length; i++)
            {
                if (list[i].SameIdentity(origin))
                {
                    index = i;
                    break;
                }
            }

            if (index >= 0)
            {
                var mask = list[index].Sanitized & origin.Sanitized;
                if (mask != list[index].Sanitized)
                {
                    builder ??= a.ToBuilder();
                    builder[index] = list[index].WithExactSanitized(mask);
                }
            }
            else if (list.Length < MaxOrigins)
            {
                builder ??= a.ToBuilder();
                builder.Add(origin);
            }
        }

        return builder is null ? a : builder.ToImmutable();
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
            if (!other.Origins.Any(o => o.SameState(origin)))
            {
                return false;
            }
        }

        foreach (var site in Sites)
        {
            if (!other.Sites.Any(site.SameAs))
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
}
