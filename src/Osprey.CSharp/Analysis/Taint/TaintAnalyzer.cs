using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Osprey.Core.Pipeline;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;
using Osprey.CSharp.Models;
using Osprey.CSharp.Rules;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The interprocedural taint analysis. Per compilation: builds the call graph, computes one summary
/// per method bottom-up over its strongly connected components (iterating each component to a
/// fixpoint; a component runs, in parallel with others, as soon as its callees are done), and repeats the pass while taint stored in
/// shared fields keeps growing. Flows from sources to sinks become findings. In a method of an
/// executable that nothing calls or starts (see <see cref="LiveMethods"/>), parameters hold objects of
/// unknown type: no subclass is chosen for them by class hierarchy.
/// </summary>
internal sealed class TaintAnalyzer : ICompilationAnalyzer
{
    private const int MaxRounds = 6;
    private const int MaxComponentIterations = 12;

    private readonly ConditionalWeakTable<ScanContext, ModelCatalog> _catalogs = new();
    private readonly ModelSet? _models;

    /// <summary>Creates the analyzer with the built-in, repository and command-line models.</summary>
    public TaintAnalyzer()
    {
    }

    /// <summary>Creates the analyzer with exactly <paramref name="models"/> (tests, benchmarks).</summary>
    public TaintAnalyzer(ModelSet models) => _models = models;

    /// <inheritdoc />
    public string Name => "taint";

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules => TaintRules.All;

    /// <inheritdoc />
    public void Analyze(CSharpAnalysisContext context, CancellationToken cancellationToken)
    {
        var clock = context.Scan.TimeProvider;
        var started = clock.GetTimestamp();
        var catalog = _catalogs.GetValue(context.Scan, CreateCatalog);
        var session = new TaintSession(context.Project.Compilation, catalog, context.Scan.Options.Threads, cancellationToken, context.SemanticModels);
        context.Scan.Count("csharp.taint.ms.index", (long)clock.GetElapsedTime(started).TotalMilliseconds);
        started = clock.GetTimestamp();
        var graph = CallGraph.Build(session);
        context.Scan.Count("csharp.taint.ms.callgraph", (long)clock.GetElapsedTime(started).TotalMilliseconds);
        started = clock.GetTimestamp();
        var live = LiveMethods.Find(session, graph, context.EntryPoints);
        var unstarted = graph.Roots.Where(r => !live.CanRun(r)).ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var options = session.ParallelOptions;
        var rounds = 0;
        int version;
        do
        {
            version = session.SharedFieldVersion;
            BottomUpScheduler.Run(graph.Components, options, component => AnalyzeComponent(session, graph, unstarted, graph.Components.Members[component], context));
        }
        while (++rounds < MaxRounds && version != session.SharedFieldVersion);

        if (version != session.SharedFieldVersion)
        {
            context.Scan.Report(new ScanDiagnostic
            {
                Level = DiagnosticLevel.Warning,
                Code = "taint-budget",
                Message = $"Taint stored in fields of project '{context.Project.Name}' was still growing after {MaxRounds} passes; flows through fields may be missing.",
            });
        }

        context.Scan.Count("csharp.taint.ms.summaries", (long)clock.GetElapsedTime(started).TotalMilliseconds);
        ResolveStaticsAtRoots(session, graph);
        ResolveReceiverFieldsAtRoots(session, graph);
        var findings = 0;
        var reach = new EntryPointReach(session, graph, context.EntryPoints);
        foreach (var flow in session.Findings.All)
        {
            context.Report(TaintFindingFactory.Create(flow, context, reach.Of(flow.Trace)));
            findings++;
        }

        context.Scan.Count("csharp.taint.methods", session.Bodies.Methods.Count());
        context.Scan.Count("csharp.taint.passes", rounds);
        context.Scan.Count("csharp.taint.roots-not-started", unstarted.Count);
        context.Scan.Count("csharp.taint.findings", findings);
    }

    private static void AnalyzeComponent(TaintSession session, CallGraph graph, ImmutableHashSet<IMethodSymbol> unstarted, ImmutableArray<IMethodSymbol> component, CSharpAnalysisContext context)
    {
        var iterate = component.Length > 1 || graph.IsRecursive(component[0]);
        for (var i = 0; i < MaxComponentIterations; i++)
        {
            var changed = false;
            foreach (var method in component)
            {
                if (session.Bodies.GraphOf(method) is not { } body)
                {
                    continue;
                }

                try
                {
                    changed |= session.SetSummary(method, TaintMethodAnalysis.Analyze(session, method, body, unstarted.Contains(method)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    context.Scan.Report(new ScanDiagnostic
                    {
                        Level = DiagnosticLevel.Warning,
                        Code = "taint-method-failed",
                        Message = $"The taint analysis skipped {session.MemberName(method)}: {e.GetType().Name}: {e.Message}",
                        FilePath = method.Locations.FirstOrDefault()?.SourceTree?.FilePath,
                    });
                }
            }

            if (!iterate || !changed)
            {
                return;
            }
        }
    }

    /// <summary>
    /// At methods nobody calls, a static field holds whatever any code stored in it: placeholders
    /// still open there are bound to the program-wide value of the field.
    /// </summary>
    private static void ResolveStaticsAtRoots(TaintSession session, CallGraph graph)
    {
        foreach (var root in graph.Roots)
        {
            foreach (var sink in session.SummaryOf(root).Sinks.Where(s => s.Parameter == TaintValue.StaticParameter))
            {
                var dot = sink.Path.IndexOf('.', StringComparison.Ordinal);
                if (session.StaticSymbol(dot < 0 ? sink.Path : sink.Path[..dot]) is not { } field)
                {
                    continue;
                }

                var mask = session.Catalog.Kinds.MaskOf(sink.Kind);
                foreach (var origin in session.SharedField(field).ReadPath(dot < 0 ? "" : sink.Path[dot..]).AllOrigins())
                {
                    if (origin.Source is { } source && ((origin.Sanitized | sink.Sanitized) & mask) == 0)
                    {
                        var trace = origin.Trace is null ? sink.Trace : origin.Trace.Concat(sink.Trace);
                        session.Findings.Add(new PendingFinding(source, sink.Kind, trace));
                    }
                }
            }
        }
    }

    /// <summary>
    /// At methods nobody calls, the receiver is an object the analysis never saw created: a field of
    /// <c>this</c> still open there holds whatever any code stored in that field.
    /// </summary>
    private static void ResolveReceiverFieldsAtRoots(TaintSession session, CallGraph graph)
    {
        foreach (var root in graph.Roots.Where(r => !r.IsStatic))
        {
            foreach (var sink in session.SummaryOf(root).Sinks.Where(s => s.Parameter == -1 && s.Path.Length > 0))
            {
                var name = TaintMethodAnalysis.FirstSegment(sink.Path);
                if (session.InstanceMember(root.ContainingType, name) is not { } field)
                {
                    continue;
                }

                var mask = session.Catalog.Kinds.MaskOf(sink.Kind);
                foreach (var origin in session.SharedField(field).ReadPath(sink.Path.TrimStart('.')[name.Length..]).AllOrigins())
                {
                    if (origin.Source is { } source && ((origin.Sanitized | sink.Sanitized) & mask) == 0)
                    {
                        var trace = origin.Trace is null ? sink.Trace : origin.Trace.Concat(sink.Trace);
                        session.Findings.Add(new PendingFinding(source, sink.Kind, trace));
                    }
                }
            }
        }
    }

    private ModelCatalog CreateCatalog(ScanContext scan)
    {
        var models = _models ?? ModelLoader.Load(scan.Target.RootDirectory, scan.Options.ModelFiles);
        foreach (var error in models.Errors)
        {
            scan.Report(new ScanDiagnostic
            {
                Level = DiagnosticLevel.Warning,
                Code = "model-invalid",
                Message = $"Model row skipped: {error}",
                FilePath = error.Origin.File,
            });
        }

        return new ModelCatalog(models, scan.Options.ThreatModels);
    }
}
