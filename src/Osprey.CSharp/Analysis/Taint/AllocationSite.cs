using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// An allocation site (the creating operation) a value may hold, and the join edges the path must
/// have taken for the value to hold it. <c>if (c) { x = a; y = q; } else { x = p; y = b; }</c>
/// leaves <c>x</c> holding <c>a</c> only through the first edge into the join and <c>y</c> holding
/// <c>q</c> only through the same edge, so <c>x.attr = y</c> stores <c>q</c> (not <c>b</c>) into
/// <c>a.attr</c>: the correlation a plain may-points-to set loses at the join.
/// </summary>
/// <param name="Site">The creating operation.</param>
/// <param name="Guards">The join edges, at most one per join block; empty when the value holds the site on every path.</param>
internal sealed record AllocationSite(object Site, ImmutableArray<JoinEdge> Guards)
{
    /// <summary>The most guards one site keeps; dropping one only widens the set of paths it stands for.</summary>
    public const int MaxGuards = 4;

    /// <summary>A site held on every path.</summary>
    public static AllocationSite Unguarded(object site) => new(site, []);

    /// <summary>Whether some path may take every edge of both guard lists (no two leave one join block from different predecessors).</summary>
    public static bool Compatible(ImmutableArray<JoinEdge> a, ImmutableArray<JoinEdge> b)
    {
        foreach (var edge in a)
        {
            foreach (var other in b)
            {
                if (edge.SameJoin(other) && edge.From != other.From)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>This site reached through <paramref name="edge"/>: the latest entry into a join block replaces the earlier one.</summary>
    public AllocationSite Through(JoinEdge edge)
    {
        // Every join edge of every value of every state passes here: one array built by hand, no delegates.
        var replaced = -1;
        for (var i = 0; i < Guards.Length; i++)
        {
            if (Guards[i].SameJoin(edge))
            {
                replaced = i;
                break;
            }
        }

        var kept = Guards.Length - (replaced >= 0 ? 1 : 0);
        var skip = replaced < 0 && kept >= MaxGuards ? 1 : 0;
        var guards = new JoinEdge[kept - skip + 1];
        var next = 0;
        for (var i = skip; i < Guards.Length; i++)
        {
            if (i != replaced)
            {
                guards[next++] = Guards[i];
            }
        }

        guards[next] = edge;
        return new(Site, ImmutableCollectionsMarshal.AsImmutableArray(guards));
    }

    /// <summary>The join with the same site held elsewhere: only the edges both paths took still constrain it.</summary>
    public AllocationSite Join(AllocationSite other)
    {
        if (ReferenceEquals(this, other) || Guards.IsEmpty)
        {
            return this;
        }

        var common = Guards.RemoveAll(g => !other.Guards.Contains(g));
        return common.Length == Guards.Length ? this : new(Site, common);
    }

    /// <summary>Whether this site and <paramref name="other"/> are one site under the same guards.</summary>
    public bool SameAs(AllocationSite other) =>
        ReferenceEquals(this, other) || (Equals(Site, other.Site) && Guards.Length == other.Guards.Length && Guards.All(other.Guards.Contains));
}

/// <summary>
/// The edge from block <paramref name="From"/> into the join block <paramref name="Join"/> (block
/// ordinals) of one analysis run (<paramref name="Frame"/>): guards that leave the method in a
/// summary never constrain another method's, or another activation's, blocks.
/// </summary>
/// <param name="Frame">The analysis run the ordinals belong to.</param>
/// <param name="Join">The block with several predecessors.</param>
/// <param name="From">The predecessor the path came from.</param>
internal readonly record struct JoinEdge(object Frame, int Join, int From)
{
    /// <summary>Whether both edges enter the same join block of the same run.</summary>
    public bool SameJoin(JoinEdge other) => Join == other.Join && ReferenceEquals(Frame, other.Frame);
}
