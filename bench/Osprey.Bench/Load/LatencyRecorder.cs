namespace Osprey.Bench.Load;

/// <summary>Per-client latency samples, merged at the end so that the hot loop takes no lock.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = new(capacity: 16_384);

    public long Errors { get; private set; }

    public void Record(double milliseconds, bool ok)
    {
        _milliseconds.Add(milliseconds);
        if (!ok)
        {
            Errors++;
        }
    }

    public static LoadOperationResult Summarise(string operation, IEnumerable<LatencyRecorder> recorders, double seconds)
    {
        var all = recorders.SelectMany(r => r._milliseconds).ToArray();
        Array.Sort(all);
        var errors = recorders.Sum(r => r.Errors);
        return new LoadOperationResult(operation, all.Length, errors, all.Length / seconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1]);
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
