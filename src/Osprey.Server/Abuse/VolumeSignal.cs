using System.Globalization;

namespace Osprey.Server.Abuse;

/// <summary>
/// Volume and velocity against the organisation's own baseline. Requests are counted per bin (an
/// hour by default); the busiest recent bin is compared with the history bins by a robust z-score
/// (median and MAD). Because robust statistics ignore past bursts, which for a team with release
/// weeks are normal, the bin must also exceed twice the busiest history bin.
/// </summary>
internal sealed class VolumeSignal : IAbuseSignal
{
    private const double BurstFactor = 2;

    public string Name => "volume";

    public IEnumerable<AbuseSignalResult> Evaluate(AbuseWindow window)
    {
        var o = window.Options;
        var historyBins = (int)Math.Ceiling(o.History / o.VolumeBin);
        var byOrg = window.History.ToLookup(e => e.OrgId, StringComparer.Ordinal);
        foreach (var org in window.Recent.GroupBy(e => e.OrgId, StringComparer.Ordinal))
        {
            var history = byOrg[org.Key].ToList();
            var byKey = history.ToLookup(e => e.KeyId, StringComparer.Ordinal);
            var orgBaseline = Bins(history, window.HistoryStart, historyBins, o.VolumeBin);
            var keysInHistory = Math.Max(1, history.Select(e => e.KeyId).Distinct(StringComparer.Ordinal).Count());
            if (Check(org, orgBaseline, window, AbuseSubject.Organisation(org.Key)) is { } orgResult) yield return orgResult;

            // A new key is compared with the organisation's average key.
            var perKeyBaseline = orgBaseline.Select(v => v / keysInHistory).ToList();
            foreach (var key in org.GroupBy(e => e.KeyId, StringComparer.Ordinal))
            {
                var own = byKey[key.Key].ToList();
                var baseline = own.Count > 0 && own[0].At - window.HistoryStart < o.History / 2
                    ? Bins(own, window.HistoryStart, historyBins, o.VolumeBin)
                    : perKeyBaseline;
                if (Check(key, baseline, window, AbuseSubject.Key(key.Key, org.Key)) is { } keyResult) yield return keyResult;
            }
        }
    }

    private AbuseSignalResult? Check(IEnumerable<UsageEvent> recent, List<double> baseline, AbuseWindow window, AbuseSubject subject)
    {
        var o = window.Options;
        var recentBins = Bins(recent, window.WindowStart, (int)Math.Ceiling(o.Window / o.VolumeBin), o.VolumeBin);
        var peak = recentBins.Max();
        if (peak < o.VolumeMinRequestsPerBin) return null;
        var z = RobustStatistics.ZScore(peak, baseline);
        var busiest = baseline.Count > 0 ? baseline.Max() : 0;
        if (z < o.VolumeZThreshold || peak < BurstFactor * busiest) return null;
        var median = RobustStatistics.Median(baseline);
        return new AbuseSignalResult(Name, subject, Math.Min(1, z / (2 * o.VolumeZThreshold)), string.Create(CultureInfo.InvariantCulture,
            $"{subject} made {peak:0} requests in one {o.VolumeBin.TotalMinutes:0}-minute bin; its baseline median is {median:0.#} (robust z = {z:0.0}) and its busiest bin in {o.History.TotalDays:0} days was {busiest:0.#}."));
    }

    private static List<double> Bins(IEnumerable<UsageEvent> events, DateTimeOffset start, int count, TimeSpan width)
    {
        var bins = new double[count];
        foreach (var e in events)
        {
            var i = (int)((e.At - start) / width);
            if (i >= 0 && i < count) bins[i]++;
        }

        return [.. bins];
    }
}
