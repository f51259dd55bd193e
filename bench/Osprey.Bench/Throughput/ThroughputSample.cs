using System.Collections.Immutable;

namespace Osprey.Bench.Throughput;

/// <summary>One measured run of one mode in a fresh child process.</summary>
/// <param name="Mode"><c>roslyn</c>, <c>roslyn-framework</c> or <c>osprey</c>.</param>
/// <param name="Seconds">Wall time of the work inside the child (process start-up excluded).</param>
/// <param name="PeakWorkingSetBytes">The child's peak resident set (VmHWM).</param>
/// <param name="Output">Diagnostics (roslyn) or findings (osprey).</param>
/// <param name="Error">What failed, if anything.</param>
/// <param name="CpuSeconds">CPU time the child used for the work; on a shared machine it varies less than wall time.</param>
/// <param name="Stages">Seconds per stage of the work, where the mode records them.</param>
/// <param name="Statistics">Counters: projects, files, unresolved references and names, the taint analysis' own timings.</param>
/// <param name="Unresolved">What the loader could not resolve, per project (baseline) or its summary line (scan).</param>
/// <param name="Runtime">GC, JIT and allocation cost of the run.</param>
internal sealed record ThroughputSample(
    string Mode,
    double Seconds,
    long PeakWorkingSetBytes,
    int Output,
    string? Error,
    double CpuSeconds = 0,
    ImmutableSortedDictionary<string, double>? Stages = null,
    ImmutableSortedDictionary<string, long>? Statistics = null,
    ImmutableArray<string>? Unresolved = null,
    RuntimeCost? Runtime = null);
