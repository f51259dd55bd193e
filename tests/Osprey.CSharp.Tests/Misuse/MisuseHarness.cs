using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;
using Osprey.CSharp.Analysis;
using Osprey.CSharp.Loading;
using Osprey.CSharp.Misuse;
using Osprey.CSharp.Tests.Loading;

namespace Osprey.CSharp.Tests.Misuse;

/// <summary>
/// Compiles one small program against the .NET and ASP.NET Core reference packs (shared by every
/// test, so Roslyn reuses the assembly symbols) and runs the misuse analyzer through the pipeline.
/// </summary>
internal static class MisuseHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var packs = new ReferencePacks(CSharpEngineOptions.Default);
        return [.. packs.NetCore(TargetFrameworkSelector.SdkDefault).Concat(packs.AspNetCore(TargetFrameworkSelector.SdkDefault))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading.Tasks;
        """;

    public static async Task<ImmutableArray<Finding>> AnalyzeAsync(string source)
    {
        using var tree = new TempTree();
        var file = tree.Write("Program.cs", source);
        var compilation = CSharpCompilation.Create("Sample",
            [CSharpSyntaxTree.ParseText(source, path: file), CSharpSyntaxTree.ParseText(GlobalUsings, path: tree.PathOf("obj/GlobalUsings.g.cs"))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the sample does not compile: " + string.Join("; ", errors));
        var project = new LoadedProject { Name = "Sample", Compilation = compilation };
        var target = ScanTarget.TryCreate(tree.Root, out _)!;
        var report = await new ScanPipeline([new SingleProjectEngine(project)]).RunAsync(target, ScanOptions.Default with { Threads = 2 });
        Assert.DoesNotContain(report.Diagnostics, d => d.Level == DiagnosticLevel.Error);
        return report.Findings;
    }

    public static async Task<Finding> SingleAsync(string source, string ruleId)
    {
        var findings = await AnalyzeAsync(source);
        return Assert.Single(findings, f => f.RuleId == ruleId);
    }

    public static async Task NoneAsync(string source, string ruleId)
    {
        var findings = await AnalyzeAsync(source);
        Assert.DoesNotContain(findings, f => f.RuleId == ruleId);
    }

    /// <summary>The line of the first line of <paramref name="source"/> containing <paramref name="marker"/>.</summary>
    public static int LineOf(string source, string marker) =>
        source.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(marker, StringComparison.Ordinal)).index + 1;

    private sealed class SingleProjectEngine(LoadedProject project) : IDiscoveryEngine
    {
        private readonly MisuseAnalyzer _analyzer = new();

        public string Name => "misuse-test";

        public IReadOnlyList<Rule> Rules => _analyzer.Rules;

        public bool AppliesTo(ReconResult recon) => true;

        public Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
        {
            _analyzer.Analyze(new CSharpAnalysisContext { Project = project, Scan = context }, cancellationToken);
            return Task.CompletedTask;
        }
    }
}
