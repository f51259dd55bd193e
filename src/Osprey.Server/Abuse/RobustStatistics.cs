namespace Osprey.Server.Abuse;

/// <summary>Median, MAD and the robust z-score: a baseline that a few past bursts do not drag along.</summary>
internal static class RobustStatistics
{
    /// <summary>1.4826 × MAD estimates the standard deviation of normal data.</summary>
    private const double MadToSigma = 1.4826;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double MedianAbsoluteDeviation(IReadOnlyList<double> values, double median) =>
        Median(values.Select(v => Math.Abs(v - median)).ToList());

    /// <summary>
    /// (x − median) / (1.4826 × MAD), with the spread floored at <paramref name="minSpread"/> so that
    /// a quiet baseline (MAD 0) does not turn one extra request into an infinite score.
    /// </summary>
    public static double ZScore(double x, IReadOnlyList<double> baseline, double minSpread = 1)
    {
        var median = Median(baseline);
        var spread = Math.Max(MadToSigma * MedianAbsoluteDeviation(baseline, median), minSpread);
        return (x - median) / spread;
    }
}
