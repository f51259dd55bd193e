using System.Collections.Concurrent;
using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;

namespace Osprey.Core.Pipeline;

/// <summary>
/// The state one scan shares between stages: target, options, and thread-safe sinks for findings,
/// diagnostics, statistics and progress. Scoped to a single scan; nothing in it is process-wide.
/// </summary>
public sealed class ScanContext
{
    private readonly ConcurrentQueue<Finding> _findings = new();
    private readonly ConcurrentQueue<ScanDiagnostic> _diagnostics = new();
    private readonly ConcurrentDictionary<string, long> _statistics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _findingsByEngine = new(StringComparer.Ordinal);
    private readonly IProgress<ScanProgress>? _progress;
    private int _findingCount;
    private int _fileCount;

    /// <summary>Creates a context for one scan.</summary>
    public ScanContext(ScanTarget target, ScanOptions options, IProgress<ScanProgress>? progress = null, TimeProvider? timeProvider = null)
    {
        Target = target;
        Options = options;
        _progress = progress;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The target being scanned.</summary>
    public ScanTarget Target { get; }

    /// <summary>The scan's options.</summary>
    public ScanOptions Options { get; }

    /// <summary>The clock; tests inject a fake one.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The engine currently reporting, set by the pipeline for attribution.</summary>
    internal AsyncLocal<string?> CurrentEngine { get; } = new();

    /// <summary>Findings reported so far.</summary>
    public int FindingCount => Volatile.Read(ref _findingCount);

    /// <summary>
    /// A snapshot of the findings reported so far, for stages that handle findings together (a
    /// verifier that proves all findings of a project with one compiled harness).
    /// </summary>
    public IReadOnlyList<Finding> ReportedFindings => SnapshotFindings();

    /// <summary>Reports a finding. Thread-safe.</summary>
    public void Report(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Engine is null && CurrentEngine.Value is { } engine)
        {
            finding = finding with { Engine = engine };
        }

        _findings.Enqueue(finding);
        if (finding.Engine is { } reporter)
        {
            _findingsByEngine.AddOrUpdate(reporter, 1, static (_, n) => n + 1);
        }

        var count = Interlocked.Increment(ref _findingCount);
        _progress?.Report(new ScanProgress { Phase = ScanPhase.Discover, Engine = finding.Engine, Findings = count, Files = _fileCount });
    }

    /// <summary>Reports a diagnostic about the scan. Thread-safe.</summary>
    public void Report(ScanDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _diagnostics.Enqueue(diagnostic.Source is null && CurrentEngine.Value is { } engine ? diagnostic with { Source = engine } : diagnostic);
    }

    /// <summary>Adds <paramref name="delta"/> to a named counter (<c>csharp.files</c>, <c>csharp.unresolved-symbols</c>).</summary>
    public void Count(string statistic, long delta = 1) => _statistics.AddOrUpdate(statistic, delta, (_, v) => v + delta);

    /// <summary>Reports progress with the current counts.</summary>
    public void ReportProgress(ScanPhase phase, string? message = null, int? filesDone = null)
    {
        if (filesDone is { } done)
        {
            Interlocked.Exchange(ref _fileCount, done);
        }

        _progress?.Report(new ScanProgress { Phase = phase, Engine = CurrentEngine.Value, Message = message, Files = _fileCount, Findings = FindingCount });
    }

    internal ImmutableArray<Finding> SnapshotFindings() => [.. _findings];

    internal int FindingsReportedBy(string engine) => _findingsByEngine.GetValueOrDefault(engine);

    internal ImmutableArray<ScanDiagnostic> Diagnostics => [.. _diagnostics];

    internal ImmutableSortedDictionary<string, long> Statistics => _statistics.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
