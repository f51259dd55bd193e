namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// A summary fact: the caller's parameter <see cref="Parameter"/> (at <see cref="Path"/>) reaches a
/// sink of <see cref="Kind"/> inside the method (or a method it calls), along <see cref="Trace"/>,
/// which starts at the method's entry and ends with the sink step.
/// </summary>
internal sealed record SummarySink(int Parameter, string Path, string Kind, ulong Sanitized, TaintTrace Trace)
{
    /// <summary>Whether both describe the same flow (the trace is not compared).</summary>
    public bool SameFlow(SummarySink other) => SameFlow(other.Parameter, other.Path, other.Kind, other.Sanitized, other.Trace.Step.Location);

    /// <summary>Whether this describes the flow with these parts (the trace is not compared, only where it ends).</summary>
    public bool SameFlow(int parameter, string path, string kind, ulong sanitized, Microsoft.CodeAnalysis.Location sinkLocation) =>
        Parameter == parameter && Path == path && Kind == kind && Sanitized == sanitized && Trace.Step.Location == sinkLocation;
}
