using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>One step of a taint path as the analysis sees it: a Roslyn location, what happened, and the enclosing member.</summary>
internal sealed record TaintStep(Location Location, string Description, TraceStepKind Kind, string? Member)
{
    /// <summary>
    /// For a sink that only values outside a range harm (a narrowing cast): the range it accepts, so
    /// a caller's value of known range is checked against it through the callee's summary.
    /// </summary>
    public (double Min, double Max)? Accepts { get; init; }
}
