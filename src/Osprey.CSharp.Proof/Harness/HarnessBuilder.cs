using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Synthesises a harness for one finding: locates the trace's source and sink in the scanned
/// compilation, replaces the source with the Osprey input provider and the sink with the recorder,
/// chooses the entry point, keeps only the files the path needs (plus framework doubles), and adds
/// a driver that runs every payload. Nothing is executed here.
/// </summary>
internal static class HarnessBuilder
{
    // One augmented compilation per scanned compilation: findings of the same project share its
    // binding caches instead of rebuilding the declaration tables of every file each time.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CSharpCompilation, CSharpCompilation> WithDoubles = new();

    public static OneOf Build(CSharpCompilation scanned, Finding finding, ImmutableArray<Payload> payloads)
    {
        if (finding.Trace.IsDefaultOrEmpty || finding.Trace.Length < 2)
        {
            return Fail("the finding has no trace from a source to a sink");
        }

        // Doubles join the scanned compilation first, so that calls into them bind while locating the sink.
        var references = HarnessReferences.For(scanned);
        var parse = scanned.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default;
        scanned = WithDoubles.GetValue(scanned, s => s.AddSyntaxTrees(FrameworkDoubles.For(s, references.References, parse)));
        var sourceLocation = finding.Trace[0].Location;
        var sinkLocation = finding.Trace[^1].Location;
        var sourceTree = TraceLocator.FindTree(scanned, sourceLocation);
        var sinkTree = TraceLocator.FindTree(scanned, sinkLocation);
        if (sourceTree is null || sinkTree is null)
        {
            return Fail($"the file {(sourceTree is null ? sourceLocation.FilePath : sinkLocation.FilePath)} is not in the compilation");
        }

        var graph = new CallGraph(scanned);
        var sourceNode = TraceLocator.FindSource(sourceTree, sourceLocation);
        var sinkNode = TraceLocator.FindSink(sinkTree, graph.Model(sinkTree), sinkLocation);
        if (sourceNode is null)
        {
            return Fail($"no source expression at {sourceLocation}");
        }

        if (sinkNode is null)
        {
            return Fail($"no sink call at {sinkLocation}");
        }

        var source = SourceRewrite.Create(sourceNode, graph.Model(sourceTree));
        var sink = SinkRewrite.Create(sinkNode, graph.Model(sinkTree), finding.SinkKind ?? "", out var sinkProblem);
        if (source is null)
        {
            return Fail($"the source at {sourceLocation} is not inside a method");
        }

        if (sink?.Member is null)
        {
            return Fail(sinkProblem ?? $"the sink at {sinkLocation} is not inside a method");
        }

        var entry = EntryPointChooser.Choose(graph, source.Member, sink.Member);
        if (entry is null)
        {
            return Fail($"no callable entry point reaches both the source in {source.Member.Name} and the sink in {sink.Member.Name}");
        }

        var payloadParameter = source.ParameterIndex >= 0 && SymbolEqualityComparer.Default.Equals(entry, source.Member) ? source.ParameterIndex : -1;
        var kept = RelevantTrees.Collect(scanned, graph, [sourceTree, sinkTree, .. entry.DeclaringSyntaxReferences.Select(r => r.SyntaxTree)]);
        if (kept.Any(t => t.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any())
            && (HasTopLevel(sourceTree) || HasTopLevel(sinkTree)))
        {
            return Fail("the source or sink is in top-level statements, which a harness cannot call");
        }

        var protectedNodes = new[] { sourceNode, sinkNode }
            .Concat(entry.DeclaringSyntaxReferences.Select(r => r.GetSyntax()))
            .Select(n => n.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().First(m => m is not BaseTypeDeclarationSyntax || m == n))
            .ToList();
        var trees = new List<SyntaxTree>();
        foreach (var tree in kept.Where(t => !HasTopLevel(t)))
        {
            trees.Add(Rewrite(tree, source, sink, protectedNodes));
        }

        var driver = DriverSource.Generate(entry, payloadParameter, payloads);
        trees.Add(CSharpSyntaxTree.ParseText(EmbeddedSources.Read("OspreyRuntime.cs"), parse, path: "osprey/OspreyRuntime.cs"));
        trees.Add(CSharpSyntaxTree.ParseText(EmbeddedSources.Read("OspreyObservers.cs"), parse, path: "osprey/OspreyObservers.cs"));
        trees.Add(CSharpSyntaxTree.ParseText(driver, parse, path: "osprey/Driver.cs"));

        var compilation = CSharpCompilation.Create("harness", trees, references.References, HarnessEmitter.ConsoleOptions(DriverSource.MainTypeName));
        compilation = CompilationRepair.Repair(compilation, out var errors);
        if (errors.Count > 0)
        {
            return Fail("the harness does not compile: " + string.Join("; ", errors.Take(3).Select(e => e.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + " at " + Where(e))));
        }

        return new OneOf(new HarnessPlan
        {
            Compilation = compilation,
            EntryPoint = entry.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            EntryType = DriverSource.MetadataTypeName(entry.ContainingType),
            EntryMethod = entry.Name,
            ScannedAssembly = scanned.AssemblyName ?? "",
            Payloads = payloads,
            UsesAspNetCore = references.UsesAspNetCore,
            SinkApi = sink.Api,
        });
    }

    private static SyntaxTree Rewrite(SyntaxTree tree, SourceRewrite source, SinkRewrite sink, List<MemberDeclarationSyntax> protectedNodes)
    {
        var replacements = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
        if (source.Target is { } target && target.SyntaxTree == tree)
        {
            replacements[target] = _ => source.Replacement!;
        }

        if (sink.Target.SyntaxTree == tree)
        {
            replacements[sink.Target] = sink.Rewrite;
        }

        foreach (var node in protectedNodes.Where(n => n.SyntaxTree == tree && !replacements.ContainsKey(n)))
        {
            replacements[node] = rewritten => rewritten.WithAdditionalAnnotations(CompilationRepair.Keep);
        }

        if (replacements.Count == 0)
        {
            return tree;
        }

        var root = tree.GetRoot().ReplaceNodes(replacements.Keys, (original, rewritten) =>
        {
            var replaced = replacements[original](rewritten);
            return protectedNodes.Contains(original) ? replaced.WithAdditionalAnnotations(CompilationRepair.Keep) : replaced;
        });
        return tree.WithRootAndOptions(root, tree.Options);
    }

    private static bool HasTopLevel(SyntaxTree tree) =>
        tree.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any();

    private static string Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}";
    }

    private static OneOf Fail(string reason) => new(new HarnessProblem(reason));

    /// <summary>A plan or the reason there is none.</summary>
    internal readonly record struct OneOf
    {
        public OneOf(HarnessPlan plan) => Plan = plan;

        public OneOf(HarnessProblem problem) => Problem = problem;

        public HarnessPlan? Plan { get; }

        public HarnessProblem? Problem { get; }
    }
}
