namespace Osprey.Bench.Throughput;

/// <summary>One measured run of one mode in a fresh child process.</summary>
/// <param name="Mode"><c>roslyn</c> or <c>osprey</c>.</param>
/// <param name="Seconds">Wall time of the work inside the child (process start-up excluded).</param>
/// <param name="PeakWorkingSetBytes">The child's peak resident set (VmHWM).</param>
/// <param name="Output">Diagnostics (roslyn) or findings (osprey).</param>
/// <param name="Error">What failed, if anything.</param>
/// <param name="CpuSeconds">CPU time the child used for the work; on a shared machine it varies less than wall time.</param>
internal sealed record ThroughputSample(string Mode, double Seconds, long PeakWorkingSetBytes, int Output, string? Error, double CpuSeconds = 0);
