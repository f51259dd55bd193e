using System.Globalization;

namespace Osprey.Server.Abuse;

/// <summary>
/// Coordination, the "hydra" (many accounts, one operator): keys of different organisations that
/// share a network range (/24, /48) or a client fingerprint, or keys whose per-minute activity rises
/// and falls together (cross-correlation at lags −1, 0, +1 minute). A shared fingerprint alone is
/// not evidence — everyone using the same CLI release shares one — so it only counts together with
/// synchronised timing. Every key of a group that fires gets the result.
/// </summary>
internal sealed partial class CoordinationSignal : IAbuseSignal
{
    public string Name => "coordination";

    public IEnumerable<AbuseSignalResult> Evaluate(AbuseWindow window)
    {
        var o = window.Options;
        var keyOrg = window.Recent.GroupBy(e => e.KeyId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().OrgId, StringComparer.Ordinal);
        var reported = new Dictionary<string, AbuseSignalResult>(StringComparer.Ordinal);
        void Report(IEnumerable<string> keys, double score, string because)
        {
            foreach (var k in keys)
            {
                var subject = AbuseSubject.Key(k, keyOrg[k]);
                if (!reported.TryGetValue(k, out var existing) || existing.Score < score)
                {
                    reported[k] = new AbuseSignalResult(Name, subject, score, $"{subject} {because}");
                }
            }
        }

        foreach (var range in window.Recent.GroupBy(e => NetworkRange.Of(e.ClientAddress), StringComparer.Ordinal))
        {
            var keys = range.Select(e => e.KeyId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var orgs = range.Select(e => e.OrgId).Distinct(StringComparer.Ordinal).Count();
            if (keys.Count >= o.CoordinationMinKeys && orgs >= 2)
            {
                Report(keys, Math.Min(1, 0.5 + (0.05 * keys.Count)), string.Create(CultureInfo.InvariantCulture,
                    $"shares the network range {range.Key} with {keys.Count - 1} other keys of {orgs} organisations."));
            }
        }

        var synchronised = SynchronisedGroups(window);
        foreach (var group in synchronised)
        {
            var orgs = group.Keys.Select(k => keyOrg[k]).Distinct(StringComparer.Ordinal).Count();
            var fingerprints = window.Recent.Where(e => group.Keys.Contains(e.KeyId)).Select(e => e.ClientFingerprint).Distinct(StringComparer.Ordinal).ToList();
            var sameClient = fingerprints.Count == 1 ? $", all with client fingerprint {fingerprints[0]}" : "";
            Report(group.Keys, Math.Min(1, 0.5 + (0.05 * group.Keys.Count) + (fingerprints.Count == 1 ? 0.2 : 0)), string.Create(CultureInfo.InvariantCulture,
                $"moves in step with {group.Keys.Count - 1} other keys of {orgs} organisations (mean per-minute correlation {group.MeanCorrelation:0.00}{sameClient})."));
        }

        return reported.Values.OrderBy(r => r.Subject.Id, StringComparer.Ordinal).ToList();
    }
}
