using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Synthesises one harness for many findings of one compilation: locates each trace's source and
/// sink, replaces every source with the Osprey input provider and every sink with the recorder (each
/// numbered, so that a run yields the payload only at its own source and records only its own sink),
/// chooses each entry point, keeps only the files the paths need (plus framework doubles), and adds a
/// driver whose first argument names the case to run. Compiled once, the harness serves every proof
/// of the compilation, each in its own process. Nothing is executed here.
/// </summary>
internal static class HarnessBuilder
{
    private const int MaxExclusionRounds = 6;

    /// <summary>The harness for one finding: a shared harness of one case.</summary>
    public static OneOf Build(CSharpCompilation scanned, Finding finding, ImmutableArray<Payload> payloads)
    {
        var shared = BuildShared(scanned, [new HarnessRequest(finding, payloads)]);
        return shared.Cases[0];
    }

    /// <summary>One harness for every request; a request that cannot be proven gets its reason instead of a plan.</summary>
    public static SharedHarness BuildShared(CSharpCompilation scanned, IReadOnlyList<HarnessRequest> requests)
    {
        var flat = HarnessInputs.Flatten(scanned);
        var references = HarnessReferences.For(flat);
        var parse = flat.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default;
        var withDoubles = HarnessInputs.WithDoubles(flat, references.References, parse);
        var graph = new CallGraph(withDoubles);
        var sites = new HarnessSites();
        var outcomes = new OneOf[requests.Count];
        var located = new List<LocatedCase>();
        var web = references.UsesAspNetCore ? new Web.WebCases(graph, Web.WebApps.StartupOf(withDoubles)) : null;
        for (var i = 0; i < requests.Count; i++)
        {
            var result = Web.ResponseProbes.Supports(requests[i].Finding)
                ? Web.ResponseProbes.Locate(withDoubles, graph, requests[i].Finding)
                : CaseLocator.Locate(withDoubles, graph, sites, requests[i].Finding);
            if (result.Case is { } placed && web is not null)
            {
                result = web.Decide(placed, requests[i].Finding);
            }

            if (result.Case is { } found)
            {
                located.Add(found with { Index = i });
            }
            else
            {
                outcomes[i] = Fail(result.Problem!);
            }
        }

        // A probe judges the app's real response: a sink instrumented for another case inside its action
        // (the recorder does not perform the call) would change that response.
        foreach (var probe in located.Where(c => c.Sink is null).ToList())
        {
            var action = probe.Entry.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).ToList();
            if (located.FirstOrDefault(c => c.Sink is { } s && action.Any(a => a.SyntaxTree == s.Target.SyntaxTree && a.Span.Contains(s.Target.Span))) is { } other)
            {
                outcomes[probe.Index] = Fail($"the action's {other.Sink!.Api} call is instrumented for another finding of this harness, so its response is not the app's");
                located.Remove(probe);
            }
        }

        CSharpCompilation? compilation = null;
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < MaxExclusionRounds && located.Count > 0; round++)
        {
            compilation = Compose(withDoubles, graph, located, requests, references.References, parse, dropped);
            compilation = CompilationRepair.Repair(compilation, out var errors);
            if (errors.Count == 0)
            {
                break;
            }

            // A file no case runs through that does not compile (a broken sibling test case) is left out.
            var droppedMore = HarnessBlame.OffPathFiles(errors).Count(dropped.Add) > 0;

            // Errors on a case's own path exclude that case; the others are composed again without it.
            var blamed = HarnessBlame.Cases(errors, located.Count);
            foreach (var (position, error) in blamed)
            {
                outcomes[located[position].Index] = Fail("the harness does not compile: " + error);
            }

            located = [.. located.Where((_, position) => !blamed.ContainsKey(position))];
            compilation = null;
            if (blamed.Count == 0 && !droppedMore)
            {
                break;
            }
        }

        if (compilation is not null)
        {
            for (var position = 0; position < located.Count; position++)
            {
                var found = located[position];
                outcomes[found.Index] = new OneOf(new HarnessPlan
                {
                    Compilation = compilation,
                    CaseArgument = position,
                    EntryPoint = found.Entry.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
                    EntryType = DriverSource.MetadataTypeName(found.Entry.ContainingType),
                    EntryMethod = found.Entry.Name,
                    ScannedAssembly = scanned.AssemblyName ?? "",
                    Payloads = requests[found.Index].Payloads,
                    UsesAspNetCore = references.UsesAspNetCore,
                    SinkApi = found.Sink?.Api ?? "the HTTP response",
                    DrivenOverHttp = found.Web is not null,
                });
            }
        }
        else
        {
            foreach (var found in located)
            {
                outcomes[found.Index] = Fail("the harness does not compile");
            }
        }

        var startup = compilation is not null && located.Any(c => c.Web is not null) ? Web.WebApps.StartupOf(withDoubles) : null;
        return new SharedHarness(compilation, references.UsesAspNetCore, [.. outcomes])
        {
            Libraries = [.. references.Libraries, .. Web.NativeLibraries.For(references.Libraries)],
            StartupFile = startup?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath,
        };
    }

    private static CSharpCompilation Compose(
        CSharpCompilation scanned, CallGraph graph, List<LocatedCase> cases, IReadOnlyList<HarnessRequest> requests,
        ImmutableArray<MetadataReference> references, CSharpParseOptions parse, IReadOnlySet<string> dropped)
    {
        var roots = cases.SelectMany(c => c.Trees).Distinct();
        // Global usings (the loader's implicit usings of an SDK project) declare nothing a path names but every file needs them.
        var kept = RelevantTrees.Collect(scanned, graph, roots)
            .Union(scanned.SyntaxTrees.Where(t => t.GetRoot() is CompilationUnitSyntax unit && unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))))
            .ToList();
        var trees = new List<SyntaxTree>();
        foreach (var tree in kept.Where(t => !CaseLocator.HasTopLevel(t) && !dropped.Contains(t.FilePath)))
        {
            trees.Add(HarnessRewriter.Rewrite(tree, cases, graph.Model(tree)));
        }

        var driver = DriverSource.Generate(cases.Select(c => new DriverCase(c.Entry, c.PayloadParameter, requests[c.Index].Payloads, c.SourceSite, c.Sink?.Site ?? HarnessSites.NoSink) { Web = c.Web }).ToList());
        trees.Add(CSharpSyntaxTree.ParseText(EmbeddedSources.Read("OspreyRuntime.cs"), parse, path: "osprey/OspreyRuntime.cs"));
        trees.Add(CSharpSyntaxTree.ParseText(EmbeddedSources.Read("OspreyObservers.cs"), parse, path: "osprey/OspreyObservers.cs"));
        if (cases.Any(c => c.Web is not null))
        {
            foreach (var file in WebRuntimeFiles)
            {
                trees.Add(CSharpSyntaxTree.ParseText(EmbeddedSources.Read(file), parse, path: "osprey/" + file));
            }
        }

        trees.Add(CSharpSyntaxTree.ParseText(driver, parse, path: "osprey/Driver.cs"));
        return CSharpCompilation.Create("harness", trees, references, HarnessEmitter.ConsoleOptions(DriverSource.MainTypeName));
    }

    private static OneOf Fail(string reason) => new(new HarnessProblem(reason));

    // The harness's web driver, compiled in when a case runs through its app's HTTP pipeline.
    private static readonly string[] WebRuntimeFiles = ["OspreyWebHost.cs", "OspreyWebDriver.cs", "OspreyWebRequest.cs"];

    /// <summary>A plan or the reason there is none.</summary>
    internal readonly record struct OneOf
    {
        public OneOf(HarnessPlan plan) => Plan = plan;

        public OneOf(HarnessProblem problem) => Problem = problem;

        public HarnessPlan? Plan { get; }

        public HarnessProblem? Problem { get; }
    }
}

/// <summary>One finding to prove and the payloads of its sink kind.</summary>
internal sealed record HarnessRequest(Finding Finding, ImmutableArray<Payload> Payloads);

/// <summary>A harness shared by many findings: the compilation (null when nothing compiled) and, per request in order, its plan or problem.</summary>
internal sealed record SharedHarness(CSharpCompilation? Compilation, bool UsesAspNetCore, ImmutableArray<HarnessBuilder.OneOf> Cases)
{
    /// <summary>The project's own library files the harness needs beside it at run time.</summary>
    public ImmutableArray<string> Libraries { get; init; } = [];

    /// <summary>The file of the app's startup when a case runs through its HTTP pipeline: its folder's <c>appsettings*.json</c> go beside the harness.</summary>
    public string? StartupFile { get; init; }
}
