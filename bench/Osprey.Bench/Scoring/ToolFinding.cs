using System.Collections.Immutable;

namespace Osprey.Bench.Scoring;

/// <summary>A place in a file: an absolute path and a 1-based line.</summary>
internal sealed record FileLine(string Path, int Line);

/// <summary>
/// A finding of any tool, reduced to what scoring needs: its CWEs, where its sink is, and the
/// other places its trace passes through.
/// </summary>
/// <param name="Tool">The tool's short name (<c>osprey</c>, <c>scs</c>, <c>netanalyzers</c>).</param>
/// <param name="RuleId">The tool's rule id.</param>
/// <param name="Cwes">The CWEs the tool (or the bench's rule table) gives the finding.</param>
/// <param name="Sinks">The primary location and any trace step marked as the sink.</param>
/// <param name="Trace">Every trace step's location, source to sink; empty for tools without traces.</param>
/// <param name="Confirmed">Whether the verifier proved the finding.</param>
internal sealed record ToolFinding(
    string Tool,
    string RuleId,
    ImmutableArray<int> Cwes,
    ImmutableArray<FileLine> Sinks,
    ImmutableArray<FileLine> Trace,
    bool Confirmed = false)
{
    /// <summary>Whether any of the finding's CWEs is in <paramref name="accepted"/>.</summary>
    public bool HasAnyCwe(IReadOnlySet<int> accepted) => Cwes.Any(accepted.Contains);

    /// <summary>The sink locations and every trace location.</summary>
    public IEnumerable<FileLine> AllLocations => Sinks.Concat(Trace);
}
