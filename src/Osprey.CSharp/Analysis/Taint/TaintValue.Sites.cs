using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// May-alias through allocation sites: which values may be the same object, under which join
/// edges, and how a field written through one variable reaches every value (a local, a parameter,
/// or a field nested in one) that may be that object.
/// </summary>
internal sealed partial class TaintValue
{
    /// <summary>Whether this value and <paramref name="other"/> may be the same object: they share an allocation site on some path.</summary>
    public bool MayAlias(TaintValue other) => !AliasGuards(other).IsEmpty;

    /// <summary>
    /// For each allocation site both values may hold on one path, the join edges that path takes
    /// (the union of both guard lists); empty when they cannot be the same object.
    /// </summary>
    private ImmutableArray<ImmutableArray<JoinEdge>> AliasGuards(TaintValue other)
    {
        if (Sites.IsEmpty || other.Sites.IsEmpty)
        {
            return [];
        }

        var result = ImmutableArray<ImmutableArray<JoinEdge>>.Empty;
        foreach (var mine in Sites)
        {
            foreach (var theirs in other.Sites)
            {
                if (Equals(mine.Site, theirs.Site) && AllocationSite.Compatible(mine.Guards, theirs.Guards))
                {
                    result = result.Add(mine.Guards.AddRange(theirs.Guards.Where(g => !mine.Guards.Contains(g))));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// This value after the object <paramref name="written"/> held got <paramref name="value"/> in
    /// its field <paramref name="name"/>: wherever this value, or a field nested in it, may be that
    /// object, the field joins the value as it is on the paths where they are the same object (weak
    /// update: one allocation site stands for every object created there). With
    /// <paramref name="isWrittenVariable"/> this value is the variable written through, already
    /// updated, and only its nested fields are looked at.
    /// </summary>
    public TaintValue WithAliasedWrite(TaintValue written, string name, TaintValue value, bool isWrittenVariable) =>
        AliasedWrite(written, name, value, isWrittenVariable, 0);

    private TaintValue AliasedWrite(TaintValue written, string name, TaintValue value, bool isWrittenVariable, int depth)
    {
        var result = this;
        if (!Fields.IsEmpty && depth < MaxDepth)
        {
            var fields = Fields;
            foreach (var (field, inner) in Fields)
            {
                var updated = inner.AliasedWrite(written, name, value, false, depth + 1);
                if (!ReferenceEquals(updated, inner))
                {
                    fields = fields.SetItem(field, updated);
                }
            }

            if (!ReferenceEquals(fields, Fields))
            {
                result = new(Origins, fields, Constant, HasConstant, Types, Delegates, Root, Sites);
            }
        }

        if (isWrittenVariable || Sites.IsEmpty)
        {
            return result;
        }

        var guards = written.AliasGuards(this);
        if (guards.IsEmpty)
        {
            return result;
        }

        var stored = guards.Aggregate(Bottom, (acc, g) => Merge(acc, value.OnPathsThrough(g)));
        return result.WithFieldMerged(name, stored, depth);
    }

    /// <summary>This value on the paths that take every edge of <paramref name="guards"/>: the allocation sites it cannot hold there are dropped.</summary>
    private TaintValue OnPathsThrough(ImmutableArray<JoinEdge> guards)
    {
        if (Sites.IsEmpty || guards.IsEmpty)
        {
            return this;
        }

        var kept = Sites.RemoveAll(s => !AllocationSite.Compatible(s.Guards, guards));
        return kept.Length == Sites.Length ? this : new(Origins, Fields, Constant, HasConstant, Types, Delegates, Root, kept);
    }

    /// <summary>This value carried along <paramref name="edge"/> into a join block: every site it (or a nested field) holds records the edge.</summary>
    public TaintValue Through(JoinEdge edge)
    {
        var fields = Fields;
        foreach (var (name, value) in Fields)
        {
            var moved = value.Through(edge);
            if (!ReferenceEquals(moved, value))
            {
                fields = fields.SetItem(name, moved);
            }
        }

        if (Sites.IsEmpty && ReferenceEquals(fields, Fields))
        {
            return this;
        }

        if (Sites.IsEmpty)
        {
            return new(Origins, fields, Constant, HasConstant, Types, Delegates, Root, Sites);
        }

        var sites = new AllocationSite[Sites.Length];
        for (var i = 0; i < sites.Length; i++)
        {
            sites[i] = Sites[i].Through(edge);
        }

        return new(Origins, fields, Constant, HasConstant, Types, Delegates, Root, ImmutableCollectionsMarshal.AsImmutableArray(sites));
    }

    /// <summary>The sites of both values, each site once, with only the guards both sides share.</summary>
    private static ImmutableArray<AllocationSite> MergeSites(ImmutableArray<AllocationSite> a, ImmutableArray<AllocationSite> b)
    {
        if (b.IsEmpty || a == b)
        {
            return a;
        }

        if (a.IsEmpty)
        {
            return b;
        }

        var sites = a;
        foreach (var site in b)
        {
            var index = -1;
            for (var i = 0; i < sites.Length; i++)
            {
                if (Equals(sites[i].Site, site.Site))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                if (sites.Length < MaxSites)
                {
                    sites = sites.Add(site);
                }
            }
            else if (sites[index].Join(site) is var joined && !ReferenceEquals(joined, sites[index]))
            {
                sites = sites.SetItem(index, joined);
            }
        }

        return sites;
    }
}
