namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// A summary fact: the caller's parameter <see cref="Parameter"/> (at <see cref="Path"/>) reaches a
/// sink of <see cref="Kind"/> inside the method (or a method it calls), along <see cref="Trace"/>,
/// which starts at the method's entry and ends with the sink step.
/// </summary>
internal sealed record SummarySink(int Parameter, string Path, string Kind, ulong Sanitized, TaintTrace Trace)
{
    /// <summary>Whether both describe the same flow (the trace is not compared).</summary>
    public bool SameFlow(SummarySink other) =>
        Parameter == other.Parameter && Path == other.Path && Kind == other.Kind && Sanitized == other.Sanitized
        && Trace.Step.Location == other.Trace.Step.Location;
}
