using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Numbers the sources and sinks of a shared harness: one number per syntax node, so findings that
/// share a source or a sink share its instrumentation. A run activates one source and one sink.
/// </summary>
internal sealed class HarnessSites
{
    /// <summary>The source site of a finding whose payload comes from a parameter or a constant: no rewritten source yields it.</summary>
    public const int NoSource = -2;

    /// <summary>The sink site of a probe of the HTTP response: no sink records.</summary>
    public const int NoSink = -2;

    private readonly Dictionary<SyntaxNode, int> _sources = [];
    private readonly Dictionary<SyntaxNode, int> _sinks = [];

    public int Source(SyntaxNode node) => Number(_sources, node);

    public int Sink(SyntaxNode node) => Number(_sinks, node);

    private static int Number(Dictionary<SyntaxNode, int> sites, SyntaxNode node)
    {
        if (!sites.TryGetValue(node, out var site))
        {
            site = sites.Count;
            sites[node] = site;
        }

        return site;
    }
}
