using System.Collections.Immutable;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp;
using Osprey.CSharp.Recon;

namespace Osprey.Bench.Throughput;

/// <summary>What a timed Osprey scan measured besides its total.</summary>
/// <param name="Findings">Findings reported.</param>
/// <param name="Errors">Engine and analyzer failures.</param>
/// <param name="Stages">Seconds per stage (see <see cref="StagedOspreyScan"/>).</param>
/// <param name="Statistics">The scan's own counters (projects, files, unresolved names, taint timings).</param>
/// <param name="LoadSummary">The loader's summary line, which names unresolved references.</param>
internal sealed record StagedScanResult(int Findings, ImmutableArray<string> Errors, ImmutableSortedDictionary<string, double> Stages, ImmutableSortedDictionary<string, long> Statistics, string? LoadSummary);

/// <summary>
/// A full Osprey scan of C# as <c>osprey scan</c> composes it (the C# recon stage, then the C#
/// engine with every compilation analyzer), timed per stage: listing files, loading projects
/// (parsing, resolving references, declaration diagnostics), finding entry points, each
/// analyzer (thread time summed over projects, with the taint analysis' own index, call-graph and
/// summary timings), and triage.
/// </summary>
internal static class StagedOspreyScan
{
    /// <summary>Scans <paramref name="path"/> (with <paramref name="local"/>, local sources count too) and times its stages.</summary>
    public static async Task<StagedScanResult> RunAsync(string path, bool local, CancellationToken cancellationToken)
    {
        var target = ScanTarget.TryCreate(path, out var error) ?? throw new Cli.BenchUsageException(error ?? $"Cannot scan '{path}'.");
        var options = CSharpEngineOptions.Default;
        var analyzers = CompilationAnalyzers.CreateDefault().Select(a => new TimedAnalyzer(a)).ToImmutableArray();
        var pipeline = new ScanPipeline([new CSharpEngine(options, analyzers)], recon: [new CSharpEntryPointRecon(options)]);
        var clock = new StageClock();
        var report = await pipeline.RunAsync(target, local ? ScanOptions.Default with { ThreatModels = ScanOptions.AllThreatModels } : ScanOptions.Default, clock, cancellationToken);
        var end = clock.Now;
        var stages = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var listed = clock.Last("files") ?? 0;
        var loaded = clock.Last("load") ?? listed;
        var discover = clock.First("discover-start") ?? loaded;
        var discovered = clock.Last("discover-end") ?? end;
        stages["1 list files"] = listed;
        stages["2 load projects"] = loaded - listed;
        stages["3 entry points"] = discover - loaded;
        stages["4 analysis (wall)"] = discovered - discover;
        foreach (var analyzer in analyzers)
        {
            stages[$"4.{analyzer.Name} (thread s)"] = analyzer.Seconds;
        }

        foreach (var (name, value) in report.Statistics.Where(s => s.Key.StartsWith("csharp.taint.ms.", StringComparison.Ordinal)))
        {
            stages[$"4.taint.{name["csharp.taint.ms.".Length..]} (thread s)"] = value / 1000.0;
        }

        stages["5 triage and report"] = end - discovered;
        var errors = report.Engines.Where(e => e.Outcome == EngineOutcome.Failed).Select(e => $"engine {e.Name} failed: {e.Error}")
            .Concat(report.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).Select(d => $"{d.Code}: {d.Message}"))
            .ToImmutableArray();
        var summary = report.Diagnostics.FirstOrDefault(d => d.Code == "csharp-load-summary")?.Message;
        return new StagedScanResult(report.Findings.Length, errors, stages.ToImmutable(), report.Statistics, summary);
    }
}
