using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Chooses the member the driver calls: the nearest member, starting at the source's and walking
/// up its callers, from which the sink's member is reachable — the source's own method when the
/// sink is in it or below it (a Juliet <c>Bad()</c>, an action), else a caller that runs both
/// (a <c>Bad()</c> that calls <c>BadSource()</c> and then the sink).
/// </summary>
internal static class EntryPointChooser
{
    private const int MaxCallerLevels = 4;

    public static IMethodSymbol? Choose(CallGraph graph, ISymbol sourceMember, ISymbol sinkMember)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { sourceMember };
        var level = new List<ISymbol> { sourceMember };
        for (var depth = 0; depth <= MaxCallerLevels && level.Count > 0; depth++)
        {
            foreach (var candidate in level.OfType<IMethodSymbol>().Where(Drivable))
            {
                if (graph.Reaches(candidate, sinkMember))
                {
                    return candidate;
                }
            }

            level = level.SelectMany(graph.Callers).Where(seen.Add).ToList();
        }

        return null;
    }

    private static bool Drivable(IMethodSymbol method) =>
        !method.IsAbstract && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertyGet or MethodKind.PropertySet
        && !method.IsGenericMethod && !method.ContainingType.IsGenericType;
}
