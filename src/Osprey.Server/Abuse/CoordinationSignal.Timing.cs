namespace Osprey.Server.Abuse;

internal sealed partial class CoordinationSignal
{
    private sealed record SynchronisedGroup(HashSet<string> Keys, double MeanCorrelation);

    /// <summary>Connected components of keys whose per-minute activity correlates above the threshold.</summary>
    private static List<SynchronisedGroup> SynchronisedGroups(AbuseWindow window)
    {
        var o = window.Options;
        var series = window.Recent
            .GroupBy(e => e.KeyId, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Minutes: g.GroupBy(e => (long)((e.At - window.WindowStart).TotalMinutes)).ToDictionary(m => m.Key, m => (double)m.Count())))
            .Where(s => s.Minutes.Count >= o.CoordinationMinActiveMinutes)
            .ToList();
        var n = (long)o.Window.TotalMinutes;
        var parent = Enumerable.Range(0, series.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var edges = new List<(int A, int B, double R)>();
        for (var i = 0; i < series.Count; i++)
        {
            for (var j = i + 1; j < series.Count; j++)
            {
                var r = MaxLaggedCorrelation(series[i].Minutes, series[j].Minutes, n);
                if (r < o.CoordinationCorrelation) continue;
                edges.Add((i, j, r));
                parent[Find(j)] = Find(i);
            }
        }

        return Enumerable.Range(0, series.Count)
            .GroupBy(Find)
            .Where(g => g.Count() >= o.CoordinationMinKeys)
            .Select(g =>
            {
                var members = g.ToHashSet();
                var inGroup = edges.Where(e => members.Contains(e.A)).Select(e => e.R).ToList();
                return new SynchronisedGroup(members.Select(i => series[i].Key).ToHashSet(StringComparer.Ordinal), inGroup.Average());
            })
            .ToList();
    }

    /// <summary>Pearson correlation of two sparse per-minute series, the best of lags −1, 0 and +1 minute.</summary>
    internal static double MaxLaggedCorrelation(Dictionary<long, double> x, Dictionary<long, double> y, long n)
    {
        var (sx, sxx) = Moments(x);
        var (sy, syy) = Moments(y);
        var vx = sxx - (sx * sx / n);
        var vy = syy - (sy * sy / n);
        if (vx <= 0 || vy <= 0) return 0;
        var best = double.MinValue;
        for (var lag = -1; lag <= 1; lag++)
        {
            double sxy = 0;
            foreach (var (minute, count) in x)
            {
                if (y.TryGetValue(minute + lag, out var other)) sxy += count * other;
            }

            best = Math.Max(best, (sxy - (sx * sy / n)) / Math.Sqrt(vx * vy));
        }

        return best;
    }

    private static (double Sum, double SumSquares) Moments(Dictionary<long, double> series)
    {
        double s = 0, ss = 0;
        foreach (var v in series.Values)
        {
            s += v;
            ss += v * v;
        }

        return (s, ss);
    }
}
