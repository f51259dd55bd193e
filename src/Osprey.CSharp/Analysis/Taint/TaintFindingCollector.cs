using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The source-to-sink flows found in one compilation, one per (sink kind, sink place, source place):
/// the analysis revisits methods until its fixpoint, so the same flow is seen more than once.
/// </summary>
internal sealed class TaintFindingCollector
{
    private readonly ConcurrentDictionary<(string Kind, Location Sink, Location Source, string Label, (Location? Source, Location? Sink) CallSites), PendingFinding> _findings = new();

    [ThreadStatic]
    private static List<TaintStep>? t_steps;

    /// <summary>
    /// Records a flow; the first trace found for a flow is kept. Flows between the same source and
    /// sink through different call sites of a shared <c>Source</c> helper (each call reads new input)
    /// or of the method that holds the sink (a shared <c>Sink</c> helper called from many places) stay
    /// apart, because each is a place to fix. Only those two calls count, not the whole path: which of
    /// several paths between them a value carries depends on the order the analysis met them, and
    /// the findings must not.
    /// </summary>
    public void Add(PendingFinding finding) =>
        _findings.TryAdd((finding.SinkKind, finding.Trace.Step.Location, finding.Source.Location, finding.Source.Label, CallSites(finding.Trace)), finding);

    // The call that returned the source's value out of its helper (before the value is passed anywhere),
    // and the last call the value was passed to: the one into the method that holds the sink.
    private static (Location? Source, Location? Sink) CallSites(TaintTrace trace)
    {
        var steps = t_steps ??= [];
        trace.CopyStepsTo(steps);
        Location? source = null;
        Location? sink = null;
        var passed = false;
        foreach (var step in steps)
        {
            if (step.Description.StartsWith(TaintSession.PassedToText, StringComparison.Ordinal))
            {
                passed = true;
                sink = step.Location;
            }
            else if (!passed && source is null && step.Description.StartsWith(TaintSession.ReturnedFromText, StringComparison.Ordinal))
            {
                source = step.Location;
            }
        }

        return (source, sink);
    }

    /// <summary>
    /// The flows, in a stable order (sink file, line, kind, source line), without those another flow
    /// into the same sink passes through: when a source's value is itself made from an earlier
    /// source's (the names of entries in an uploaded archive), the earlier flow is the one to prove
    /// and fix, and reporting both would show one bug twice. Flows from one source (a shared
    /// <c>Source()</c> helper reached through different call sites) never drop each other, though a
    /// step wrapping the source (<c>new StreamReader(client.OpenRead(url))</c>) contains its place.
    /// </summary>
    public IEnumerable<PendingFinding> All => _findings.Values
        .GroupBy(f => (f.SinkKind, f.Trace.Step.Location))
        .SelectMany(sink => sink.Where(flow => !sink.Any(other => !ReferenceEquals(other, flow) && !other.Source.Location.Equals(flow.Source.Location) && PassesThrough(other.Trace, flow.Source.Location))))
        .OrderBy(f => f.Trace.Step.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(f => f.Trace.Step.Location.SourceSpan.Start)
        .ThenBy(f => f.SinkKind, StringComparer.Ordinal)
        .ThenBy(f => f.Source.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(f => f.Source.Location.SourceSpan.Start);

    // Whether a step before the trace's first one stands where the other flow's source is read.
    private static bool PassesThrough(TaintTrace trace, Location source)
    {
        var steps = trace.Steps();
        for (var i = 1; i < steps.Count - 1; i++)
        {
            if (steps[i].Location.SourceTree == source.SourceTree && steps[i].Location.SourceSpan.Contains(source.SourceSpan))
            {
                return true;
            }
        }

        return false;
    }
}
