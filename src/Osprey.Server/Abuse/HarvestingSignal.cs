using System.Globalization;

namespace Osprey.Server.Abuse;

/// <summary>
/// Harvesting: reads of proofs, traces and explanations, and exports, out of proportion to the scans
/// that produced them — what collecting a corpus of Osprey's reasoning looks like. Fires when a key's
/// reads per scan pass an absolute bar and five times its organisation's historical ratio, or when it
/// exports in bulk. The share of explanations (reasoning rather than results) is reported.
/// </summary>
internal sealed class HarvestingSignal : IAbuseSignal
{
    private const double OrgRatioFactor = 5;

    public string Name => "harvesting";

    public IEnumerable<AbuseSignalResult> Evaluate(AbuseWindow window)
    {
        var o = window.Options;
        var orgRatios = window.History.GroupBy(e => e.OrgId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Reads(g) / Math.Max(1.0, g.Count(e => e.Category == UsageCategory.ScanSubmit)), StringComparer.Ordinal);
        foreach (var key in window.Recent.GroupBy(e => (e.KeyId, e.OrgId)))
        {
            var reads = Reads(key);
            var exports = key.Count(e => e.Category == UsageCategory.Export);
            var scans = key.Count(e => e.Category == UsageCategory.ScanSubmit);
            var ratio = reads / Math.Max(1.0, scans);
            var orgRatio = orgRatios.GetValueOrDefault(key.Key.OrgId);
            var bar = Math.Max(o.HarvestReadsPerScan, OrgRatioFactor * orgRatio);
            var outOfProportion = reads >= o.HarvestMinReads && ratio >= bar;
            var bulk = exports >= o.HarvestBulkExports;
            if (!outOfProportion && !bulk) continue;

            var explanations = key.Count(e => e.Category == UsageCategory.Explanation);
            var bytes = key.Where(e => e.Category != UsageCategory.ScanSubmit).Sum(e => e.ResponseBytes);
            var subject = AbuseSubject.Key(key.Key.KeyId, key.Key.OrgId);
            var score = Math.Min(1, Math.Max(outOfProportion ? ratio / (2 * bar) : 0, bulk ? exports / (2.0 * o.HarvestBulkExports) : 0));
            yield return new AbuseSignalResult(Name, subject, Math.Max(score, 0.5), string.Create(CultureInfo.InvariantCulture,
                $"{subject} read {reads:0} proofs, traces, explanations and exports ({explanations} explanations, {exports} exports, {bytes / 1024.0 / 1024.0:0.0} MiB) against {scans} scans: {ratio:0.0} per scan, where its organisation's history shows {orgRatio:0.0}."));
        }
    }

    private static double Reads(IEnumerable<UsageEvent> events) =>
        events.Count(e => e.Category is UsageCategory.ProofRead or UsageCategory.TraceRead or UsageCategory.Explanation or UsageCategory.Export);
}
