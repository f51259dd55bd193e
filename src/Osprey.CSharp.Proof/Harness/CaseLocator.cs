using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>One finding placed in the compilation: its rewrites, its entry point, and the members its path runs through.</summary>
internal sealed record LocatedCase
{
    /// <summary>The request's position in the shared harness's input.</summary>
    public int Index { get; init; }

    public required SourceRewrite Source { get; init; }

    /// <summary>The source's number in the harness, or <see cref="HarnessSites.NoSource"/> for a parameter or constant source.</summary>
    public required int SourceSite { get; init; }

    /// <summary>The sink's rewrite; null for a probe of the HTTP response, which has no sink to instrument.</summary>
    public required SinkRewrite? Sink { get; init; }

    public required IMethodSymbol Entry { get; init; }

    /// <summary>The entry point's parameter that receives the payload, or -1.</summary>
    public required int PayloadParameter { get; init; }

    /// <summary>The trees of the source, the sink and the entry point: the roots of the files the harness keeps.</summary>
    public required IReadOnlyList<SyntaxTree> Trees { get; init; }

    /// <summary>The members the proof runs through, which compilation repair must not change.</summary>
    public required IReadOnlyList<MemberDeclarationSyntax> Protected { get; init; }

    /// <summary>How the case runs through its app's HTTP pipeline; null when the entry point is called directly.</summary>
    public Web.WebDrive? Web { get; init; }
}

/// <summary>Places a finding's trace in a compilation: source and sink syntax, their rewrites, and the entry point.</summary>
internal static class CaseLocator
{
    public static (LocatedCase? Case, string? Problem) Locate(CSharpCompilation compilation, CallGraph graph, HarnessSites sites, Finding finding)
    {
        if (finding.Trace.IsDefaultOrEmpty || finding.Trace.Length < 2)
        {
            return (null, "the finding has no trace from a source to a sink");
        }

        var sourceLocation = finding.Trace[0].Location;
        var sinkLocation = finding.Trace[^1].Location;
        var sourceTree = TraceLocator.FindTree(compilation, sourceLocation);
        var sinkTree = TraceLocator.FindTree(compilation, sinkLocation);
        if (sourceTree is null || sinkTree is null)
        {
            return (null, $"the file {(sourceTree is null ? sourceLocation.FilePath : sinkLocation.FilePath)} is not in the compilation");
        }

        var sourceNode = TraceLocator.FindSource(sourceTree, sourceLocation);
        var sinkNode = TraceLocator.FindSink(sinkTree, graph.Model(sinkTree), sinkLocation);
        if (sourceNode is null)
        {
            return (null, $"no source expression at {sourceLocation}");
        }

        if (sinkNode is null)
        {
            return (null, $"no sink call at {sinkLocation}");
        }

        if (HasTopLevel(sourceTree) || HasTopLevel(sinkTree))
        {
            return (null, "the source or sink is in top-level statements, which a harness cannot call");
        }

        // A minimal-API handler's parameter: the lambda is the entry point, driven through its endpoint.
        var handlerParameter = Web.MinimalApiSource.Parameter(sourceNode, graph.Model(sourceTree), finding);
        sourceNode = handlerParameter ?? sourceNode;
        var source = SourceRewrite.Create(sourceNode, graph.Model(sourceTree), sites.Source(sourceNode));
        var sink = SinkRewrite.Create(sinkNode, graph.Model(sinkTree), finding.SinkKind ?? "", out var sinkProblem);
        if (source is null)
        {
            return (null, $"the source at {sourceLocation} is not inside a method");
        }

        if (sink?.Member is null)
        {
            return (null, sinkProblem ?? $"the sink at {sinkLocation} is not inside a method");
        }

        var entry = handlerParameter is not null
            ? graph.Model(sourceTree).GetSymbolInfo(handlerParameter.Parent!.Parent!).Symbol as IMethodSymbol
            : EntryPointChooser.Choose(graph, source.Member, sink.Member);
        if (entry is null)
        {
            return (null, $"no callable entry point reaches both the source in {source.Member.Name} and the sink in {sink.Member.Name}");
        }

        var payloadParameter = handlerParameter is not null || source.ParameterIndex >= 0 && SymbolEqualityComparer.Default.Equals(entry, source.Member) ? source.ParameterIndex : -1;
        var protectedNodes = new[] { sourceNode, sinkNode }
            .Concat(entry.DeclaringSyntaxReferences.Select(r => r.GetSyntax()))
            .Select(n => n.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().First(m => m is not BaseTypeDeclarationSyntax || m == n))
            .Distinct()
            .ToList();
        return (new LocatedCase
        {
            Source = source,
            SourceSite = source.Target is null ? HarnessSites.NoSource : sites.Source(sourceNode),
            Sink = sink.WithSite(sites.Sink(sinkNode)),
            Entry = entry,
            PayloadParameter = payloadParameter,
            Trees = [sourceTree, sinkTree, .. entry.DeclaringSyntaxReferences.Select(r => r.SyntaxTree)],
            Protected = protectedNodes,
        }, null);
    }

    public static bool HasTopLevel(SyntaxTree tree) =>
        tree.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any();
}
