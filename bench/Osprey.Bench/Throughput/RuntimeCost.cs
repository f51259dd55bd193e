namespace Osprey.Bench.Throughput;

/// <summary>
/// What the .NET runtime itself cost a run: time the GC paused the program, time spent compiling
/// methods (JIT), bytes allocated and full collections. Tells allocation and warm-up overhead apart
/// from the analysis' own work when two modes' CPU seconds are compared.
/// </summary>
/// <param name="GcPauseSeconds">Total time the program was paused for garbage collection.</param>
/// <param name="JitSeconds">Total time spent compiling methods (all threads).</param>
/// <param name="AllocatedMegabytes">Bytes allocated over the run, in MiB.</param>
/// <param name="Gen2Collections">Full (generation 2) collections.</param>
internal sealed record RuntimeCost(double GcPauseSeconds, double JitSeconds, long AllocatedMegabytes, int Gen2Collections)
{
    /// <summary>The counters of this process so far.</summary>
    public static RuntimeCost Now() => new(
        GC.GetTotalPauseDuration().TotalSeconds,
        System.Runtime.JitInfo.GetCompilationTime().TotalSeconds,
        GC.GetTotalAllocatedBytes() / 1048576,
        GC.CollectionCount(2));

    /// <summary>What was spent between <paramref name="before"/> and this.</summary>
    public RuntimeCost Since(RuntimeCost before) => new(
        GcPauseSeconds - before.GcPauseSeconds,
        JitSeconds - before.JitSeconds,
        AllocatedMegabytes - before.AllocatedMegabytes,
        Gen2Collections - before.Gen2Collections);
}
