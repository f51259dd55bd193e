namespace Osprey.Server.Abuse;

/// <summary>
/// The two-sample test of Gretton et al. (JMLR 2012): the unbiased estimate of MMD² with a Gaussian
/// kernel whose width is the median distance within the benign sample, and a threshold taken from
/// permutations of the benign sample alone (so no attack data is needed to calibrate it).
/// </summary>
internal sealed class MaximumMeanDiscrepancy
{
    private readonly double[][] _benign;
    private readonly double[,] _kbb;
    private readonly double _gamma;
    private readonly double _benignPairSum;

    /// <summary>Floor of σ² for unit vectors (squared distances in [0, 4]): near-identical rescans must not make the kernel a point mass.</summary>
    private const double MinBandwidth = 0.25;

    public MaximumMeanDiscrepancy(IReadOnlyList<double[]> benign)
    {
        if (benign.Count < 4) throw new ArgumentException("The benign sample needs at least 4 items.", nameof(benign));
        _benign = [.. benign];
        var n = _benign.Length;
        var d2 = new double[n, n];
        var all = new List<double>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                d2[i, j] = d2[j, i] = HashedNgramFeatures.SquaredDistance(_benign[i], _benign[j]);
                all.Add(d2[i, j]);
            }
        }

        var median = RobustStatistics.Median(all);
        _gamma = 1 / (2 * Math.Max(median, MinBandwidth)); // median heuristic: σ² = median squared distance
        _kbb = new double[n, n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) _kbb[i, j] = Math.Exp(-_gamma * d2[i, j]);
        _benignPairSum = PairSum(Enumerable.Range(0, n).ToArray());
    }

    public int BenignCount => _benign.Length;

    private double K(double[] a, double[] b) => Math.Exp(-_gamma * HashedNgramFeatures.SquaredDistance(a, b));

    /// <summary>Unbiased MMD² between <paramref name="sample"/> and the whole benign sample.</summary>
    public double Statistic(IReadOnlyList<double[]> sample)
    {
        var m = sample.Count;
        var n = _benign.Length;
        double xx = 0, xy = 0;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++) if (i != j) xx += K(sample[i], sample[j]);
            for (var j = 0; j < n; j++) xy += K(sample[i], _benign[j]);
        }

        return (xx / (m * (m - 1.0))) + (_benignPairSum / (n * (n - 1.0))) - (2 * xy / ((double)m * n));
    }

    /// <summary>The (1 − α) quantile of MMD² between a random benign subset of size <paramref name="m"/> and the rest.</summary>
    public double Threshold(int m, double alpha, int permutations, int seed)
    {
        var n = _benign.Length;
        var random = new Random(seed);
        var idx = Enumerable.Range(0, n).ToArray();
        var values = new double[permutations];
        for (var p = 0; p < permutations; p++)
        {
            random.Shuffle(idx);
            // Only the subset's sums are computed; the rest's follow from the total: O(m·n), not O(n²).
            var s = idx[..m];
            var inSubset = new bool[n];
            foreach (var i in s) inSubset[i] = true;
            double ss = PairSum(s), sr = 0;
            foreach (var i in s) for (var j = 0; j < n; j++) if (!inSubset[j]) sr += _kbb[i, j];
            var rr = _benignPairSum - ss - (2 * sr);
            var rest = n - m;
            values[p] = (ss / (m * (m - 1.0))) + (rr / (rest * (rest - 1.0))) - (2 * sr / ((double)m * rest));
        }

        Array.Sort(values);
        return values[Math.Min(permutations - 1, (int)Math.Ceiling((1 - alpha) * permutations) - 1)];
    }

    /// <summary>Σ k(i, j) over ordered pairs i ≠ j of <paramref name="idx"/>.</summary>
    private double PairSum(int[] idx)
    {
        double sum = 0;
        foreach (var i in idx) foreach (var j in idx) if (i != j) sum += _kbb[i, j];
        return sum;
    }
}
