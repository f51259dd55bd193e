using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp.Analysis;
using Osprey.CSharp.Analysis.Taint;
using Osprey.CSharp.Loading;
using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>Models added by the scanned repository and the command line, and the threat-model switch.</summary>
public sealed class ModelExtensionTests
{
    private const string Program = """
        using System;
        namespace Acme { public static class Vault { public static void Open(string key) { } } }
        public static class App
        {
            public static void Run()
            {
                var key = Console.ReadLine()!; // source
                Acme.Vault.Open(key); // sink
            }
        }
        """;

    private const string VaultModel = """
        sinkModel:
          - ["Acme", "Vault", false, "Open", "", "Argument[0]", "vault-injection", "manual"]
          - ["Acme", "Vault", false, "Open", "", "Argument[7]", "BAD KIND", "manual"]
        """;

    [Fact]
    public void RepositoryModels_UserSink_DiagnosticAndBadRowReported()
    {
        var root = Path.Combine(Path.GetTempPath(), "osprey-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".osprey", "models"));
        File.WriteAllText(Path.Combine(root, ".osprey", "models", "Acme.model.yml"), VaultModel);
        try
        {
            var (findings, diagnostics) = Run(root, ScanOptions.Default with { Threads = 1, ThreatModels = ScanOptions.AllThreatModels });

            var finding = Assert.Single(findings);
            Assert.Equal("cs/vault-injection", finding.RuleId);
            Assert.Equal(TaintRun.LineOf(Program, "// sink"), finding.Location.StartLine);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Contains("Acme.model.yml:3", diagnostic, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void CommandLineModelFile_UserSink_Diagnostic()
    {
        var file = Path.Combine(Path.GetTempPath(), "osprey-vault-" + Guid.NewGuid().ToString("N") + ".model.yml");
        File.WriteAllText(file, VaultModel);
        try
        {
            var (findings, _) = Run(TestCompilation.Root, ScanOptions.Default with { Threads = 1, ModelFiles = [file], ThreatModels = ScanOptions.AllThreatModels });

            Assert.Equal("cs/vault-injection", Assert.Single(findings).RuleId);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ThreatModels_RemoteOnly_LocalSourceIgnored()
    {
        const string source = """
            using System; using System.Diagnostics;
            public static class App { public static void Run() { Process.Start(Console.ReadLine()!); } }
            """;

        var local = TaintRun.Analyze(TestCompilation.Library(source));
        var remoteOnly = TaintRun.Analyze(TestCompilation.Library(source), ScanOptions.Default with { Threads = 1, ThreatModels = ["remote"] });

        Assert.Single(local);
        Assert.Empty(remoteOnly);
    }

    [Fact]
    public void ThreatModels_Default_RemoteOnly_ConsoleSourceIgnoredRequestSourceReported()
    {
        const string source = """
            using System; using System.Diagnostics; using Microsoft.AspNetCore.Mvc;
            public sealed class ToolsController : ControllerBase
            {
                [HttpGet] public void Run(string command) { Process.Start(command); } // sink
                public static void Local() { Process.Start(Console.ReadLine()!); }
            }
            """;

        var findings = TaintRun.Analyze(TestCompilation.Library(source), ScanOptions.Default with { Threads = 1 }, withEntryPoints: true);

        var finding = Assert.Single(findings);
        Assert.Equal(TaintRun.LineOf(source, "// sink"), finding.Location.StartLine);
    }

    private static (List<Finding> Findings, List<string> Diagnostics) Run(string root, ScanOptions options)
    {
        var compilation = TestCompilation.Library(Program);
        var scan = new ScanContext(new ScanTarget { Path = root, Kind = ScanTargetKind.Folder }, options);
        var findings = new ConcurrentQueue<Finding>();
        var context = new CSharpAnalysisContext { Project = new LoadedProject { Name = "App", Compilation = compilation }, Scan = scan, Observer = findings.Enqueue };
        var diagnostics = new List<string>();
        new TaintAnalyzer().Analyze(context, CancellationToken.None);
        var drained = typeof(ScanContext).GetProperty("Diagnostics", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(scan);
        diagnostics.AddRange(((IEnumerable<ScanDiagnostic>)drained!).Where(d => d.Code == "model-invalid").Select(d => d.Message));
        return ([.. findings], diagnostics);
    }
}
