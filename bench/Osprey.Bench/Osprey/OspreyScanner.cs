using System.Collections.Immutable;
using Osprey.Bench.Scoring;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp;

namespace Osprey.Bench.InProcess;

/// <summary>
/// Runs Osprey's scan pipeline in-process with the C# engine, the way <c>osprey scan</c> does,
/// and turns its report into <see cref="ToolFinding"/>s. An engine failure is not an exception
/// here: it comes back in <see cref="OspreyRun.Errors"/> so the benchmark reports it and scores zero.
/// </summary>
internal static class OspreyScanner
{
    /// <summary>The tool name used in results.</summary>
    public const string ToolName = "osprey";

    /// <summary>Scans <paramref name="path"/> (folder, solution, project or file).</summary>
    public static async Task<OspreyRun> ScanAsync(string path, bool verify, CancellationToken cancellationToken)
    {
        var target = ScanTarget.TryCreate(path, out var error)
            ?? throw new Cli.BenchUsageException(error ?? $"Cannot scan '{path}'.");
        var pipeline = new ScanPipeline([new CSharpEngine()]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ScanReport report;
        try
        {
            // Juliet's and FlowBlot's cases read the console, files and environment: local sources count.
            report = await pipeline.RunAsync(target, ScanOptions.Default with { Verify = verify, ThreatModels = ScanOptions.AllThreatModels }, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new OspreyRun([], clock.Elapsed.TotalSeconds, [$"scan failed: {ex.GetType().Name}: {ex.Message}"]);
        }

        var errors = report.Engines.Where(e => e.Outcome == EngineOutcome.Failed).Select(e => $"engine {e.Name} failed: {e.Error}")
            .Concat(report.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error && d.Code != "engine-failed").Select(d => $"{d.Code}: {d.Message}"))
            .ToImmutableArray();
        var root = target.RootDirectory;
        return new OspreyRun([.. report.Findings.Select(f => ToToolFinding(f, root))], clock.Elapsed.TotalSeconds, errors);
    }

    /// <summary>Reduces a finding to what scoring needs; paths become absolute under <paramref name="root"/>.</summary>
    public static ToolFinding ToToolFinding(Finding finding, string root)
    {
        var sinks = new List<FileLine> { Absolute(finding.Location, root) };
        sinks.AddRange(finding.Trace.Where(s => s.Kind == TraceStepKind.Sink).Select(s => Absolute(s.Location, root)));
        return new ToolFinding(
            ToolName,
            finding.RuleId,
            finding.Cwes.IsDefault ? [] : finding.Cwes,
            [.. sinks.Distinct()],
            finding.Trace.IsDefault ? [] : [.. finding.Trace.Select(s => Absolute(s.Location, root))],
            finding.Verification.Status == VerificationStatus.Confirmed);
    }

    private static FileLine Absolute(SourceLocation location, string root) =>
        new(Path.GetFullPath(Path.IsPathRooted(location.FilePath) ? location.FilePath : Path.Combine(root, location.FilePath)), location.StartLine);
}
