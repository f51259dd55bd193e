using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp.Analysis;
using Osprey.CSharp.Analysis.Taint;
using Osprey.CSharp.Loading;

namespace Osprey.CSharp.Tests.Support;

/// <summary>Runs the taint analyzer over a test compilation with a real <see cref="ScanContext"/> and collects what it reports.</summary>
internal static class TaintRun
{
    /// <summary>Analyses <paramref name="compilation"/>; returns the findings and the scan diagnostics' messages.</summary>
    public static ImmutableArray<Finding> Analyze(CSharpCompilation compilation, ScanOptions? options = null, TaintAnalyzer? analyzer = null, bool withEntryPoints = false)
    {
        Assert.Empty(TestCompilation.Errors(compilation));
        Directory.CreateDirectory(TestCompilation.Root);
        var scan = new ScanContext(new ScanTarget { Path = TestCompilation.Root, Kind = ScanTargetKind.Folder }, options ?? ScanOptions.Default with { Threads = 1, ThreatModels = ScanOptions.AllThreatModels });
        var findings = new ConcurrentQueue<Finding>();
        var project = new LoadedProject { Name = "TestProgram", Compilation = compilation };
        var context = new CSharpAnalysisContext
        {
            Project = project,
            Scan = scan,
            Observer = findings.Enqueue,
            EntryPoints = withEntryPoints
                ? Osprey.CSharp.Recon.EntryPointFinder.Find(scan, new LoadedSolution { Projects = [project] }, CancellationToken.None)
                : Osprey.CSharp.Recon.EntryPointIndex.Empty,
        };
        (analyzer ?? new TaintAnalyzer()).Analyze(context, CancellationToken.None);
        return [.. findings];
    }

    /// <summary>Analyses a library made of <paramref name="source"/>.</summary>
    public static ImmutableArray<Finding> Library(string source) => Analyze(TestCompilation.Library(source));

    /// <summary>Analyses an application made of <paramref name="source"/>.</summary>
    public static ImmutableArray<Finding> Application(string source) => Analyze(TestCompilation.Application(source));

    /// <summary>The 1-based line of the first line of <paramref name="source"/> containing <paramref name="marker"/>.</summary>
    public static int LineOf(string source, string marker)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"Marker '{marker}' is not in the test program.");
    }
}
