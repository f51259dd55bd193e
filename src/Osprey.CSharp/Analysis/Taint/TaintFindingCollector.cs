using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The source-to-sink flows found in one compilation, one per (sink kind, sink place, source place):
/// the analysis revisits methods until its fixpoint, so the same flow is seen more than once.
/// </summary>
internal sealed class TaintFindingCollector
{
    private readonly ConcurrentDictionary<(string Kind, Location Sink, Location Source, string Label, int Path), PendingFinding> _findings = new();

    /// <summary>
    /// Records a flow; the first trace found for a flow is kept. Flows between the same source and
    /// sink through different call sites (a shared <c>Sink</c> helper called from many places) stay
    /// apart, because each call site is a place to fix.
    /// </summary>
    public void Add(PendingFinding finding) =>
        _findings.TryAdd((finding.SinkKind, finding.Trace.Step.Location, finding.Source.Location, finding.Source.Label, CallSites(finding.Trace)), finding);

    private static int CallSites(TaintTrace trace)
    {
        var hash = new HashCode();
        for (var t = trace; t is not null; t = t.Previous)
        {
            if (t.Step.Description.StartsWith("passed to", StringComparison.Ordinal))
            {
                hash.Add(t.Step.Location);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>The flows, in a stable order (sink file, line, kind, source line).</summary>
    public IEnumerable<PendingFinding> All => _findings.Values
        .OrderBy(f => f.Trace.Step.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(f => f.Trace.Step.Location.SourceSpan.Start)
        .ThenBy(f => f.SinkKind, StringComparer.Ordinal)
        .ThenBy(f => f.Source.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(f => f.Source.Location.SourceSpan.Start);
}
