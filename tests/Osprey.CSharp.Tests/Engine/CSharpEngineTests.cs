using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;
using Osprey.CSharp.Analysis;
using Osprey.CSharp.Misuse;
using Osprey.CSharp.Recon;
using Osprey.CSharp.Tests.Loading;

namespace Osprey.CSharp.Tests.Engine;

public sealed class CSharpEngineTests
{
    private const string Controller = """
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        [ApiController, Route("api/hash"), AllowAnonymous]
        public class HashController : ControllerBase
        {
            [HttpGet] public string Get(string password) => Convert.ToHexString(MD5.HashData(System.Text.Encoding.UTF8.GetBytes(password)));
        }
        """;

    [Fact]
    public async Task Discover_AnalyzerThatThrows_KeepsTheOtherAnalyzersFindings()
    {
        using var tree = new TempTree();
        tree.Write("HashController.cs", Controller);
        var engine = new CSharpEngine(CSharpEngineOptions.Default, [new ThrowingAnalyzer(), new MisuseAnalyzer()]);

        var report = await new ScanPipeline([engine]).RunAsync(ScanTarget.TryCreate(tree.Root, out _)!, ScanOptions.Default with { Threads = 2 });

        var finding = Assert.Single(report.Findings);
        Assert.Equal("cs/weak-hash", finding.RuleId);
        Assert.Equal("csharp", finding.Engine);
        var failure = Assert.Single(report.Diagnostics, d => d.Code == "analyzer-failed");
        Assert.Contains("broken", failure.Message, StringComparison.Ordinal);
        Assert.Equal(EngineOutcome.Succeeded, Assert.Single(report.Engines).Outcome);
    }

    [Fact]
    public async Task Discover_WithoutTheReconStage_StillTellsFindingsTheirEntryPoint()
    {
        using var tree = new TempTree();
        tree.Write("HashController.cs", Controller);

        var report = await new ScanPipeline([new CSharpEngine()]).RunAsync(ScanTarget.TryCreate(tree.Root, out _)!, ScanOptions.Default with { Threads = 2 });

        var finding = Assert.Single(report.Findings);
        Assert.Equal("GET /api/hash", finding.EntryPoint?.Name);
        Assert.Equal(AuthRequirement.Anonymous, finding.EntryPoint?.Auth);
        Assert.Equal(1, report.Statistics["csharp.projects-analysed"]);
    }

    [Fact]
    public async Task Discover_SolutionWhoseProjectsLiveOutsideItsFolder_IsAnalysed()
    {
        using var tree = new TempTree();
        tree.Write("src/Web/Web.csproj", """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        tree.Write("src/Web/HashController.cs", Controller);
        tree.Write("build/All.slnx", """<Solution><Project Path="../src/Web/Web.csproj" /></Solution>""");

        var report = await new ScanPipeline([new CSharpEngine()], [new CSharpEntryPointRecon()]).RunAsync(ScanTarget.TryCreate(tree.PathOf("build/All.slnx"), out _)!, ScanOptions.Default with { Threads = 2 });

        Assert.Equal("cs/weak-hash", Assert.Single(report.Findings).RuleId);
        Assert.Contains(report.EntryPoints, e => e.Name == "GET /api/hash");
    }

    [Fact]
    public void Rules_AreTheUnionOfTheAnalyzersRulesEachWithCweAndHelp()
    {
        var engine = new CSharpEngine(CSharpEngineOptions.Default, [new MisuseAnalyzer(), new MisuseAnalyzer()]);

        Assert.Equal(14, engine.Rules.Count);
        Assert.All(engine.Rules, rule =>
        {
            Assert.StartsWith("cs/", rule.Id, StringComparison.Ordinal);
            Assert.NotEmpty(rule.Cwes);
            Assert.Contains("```csharp", rule.Help, StringComparison.Ordinal);
        });
        Assert.Equal(engine.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), engine.Rules.Select(r => r.Id));
    }

    [Fact]
    public void CompilationAnalyzers_Default_IncludesTheMisuseAnalyzer()
    {
        Assert.Contains(CompilationAnalyzers.CreateDefault(), a => a is MisuseAnalyzer);
    }

    private sealed class ThrowingAnalyzer : ICompilationAnalyzer
    {
        public string Name => "broken";

        public IReadOnlyList<Rule> Rules => [];

        public void Analyze(CSharpAnalysisContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the analyzer is broken");
    }
}
