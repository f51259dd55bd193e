using System.Globalization;

namespace Osprey.Server.Abuse;

/// <summary>
/// Templated input: many small submissions that are near-duplicates of one another without being
/// identical — the shape of generating a training set from a template. Exact re-submissions (a CI
/// job rescanning an unchanged file) count once, so only variation on a theme grows a cluster.
/// </summary>
internal sealed class TemplatedInputSignal : IAbuseSignal
{
    private readonly MinHashLsh _lsh = new();

    public string Name => "templated-input";

    public IEnumerable<AbuseSignalResult> Evaluate(AbuseWindow window)
    {
        var o = window.Options;
        foreach (var key in window.Recent
            .Where(e => e.Submission is { } s && s.Paths.Length <= o.TemplatedMaxFiles && s.TextSample.Length > 0)
            .GroupBy(e => (e.KeyId, e.OrgId)))
        {
            var distinct = key.Select(e => e.Submission!.TextSample).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count < o.TemplatedMinCluster) continue;
            var signatures = distinct.Select(t => _lsh.Signature(Shingles.Hashed(t))).ToList();
            var largest = _lsh.Cluster(signatures, o.TemplatedSimilarity).MaxBy(c => c.Count)!;
            if (largest.Count < o.TemplatedMinCluster) continue;
            var similarity = MeanSimilarity(largest, signatures);
            var subject = AbuseSubject.Key(key.Key.KeyId, key.Key.OrgId);
            yield return new AbuseSignalResult(Name, subject, Math.Min(1, largest.Count / (2.0 * o.TemplatedMinCluster)), string.Create(CultureInfo.InvariantCulture,
                $"{largest.Count} of the {distinct.Count} distinct small submissions from {subject} are near-duplicates of each other (mean MinHash similarity {similarity:0.00}): the shape of templated dataset generation."));
        }
    }

    private static double MeanSimilarity(List<int> cluster, List<ulong[]> signatures)
    {
        var sample = cluster.Take(20).ToList();
        double sum = 0;
        var n = 0;
        for (var i = 0; i < sample.Count; i++)
        {
            for (var j = i + 1; j < sample.Count; j++, n++) sum += MinHashLsh.EstimatedJaccard(signatures[sample[i]], signatures[sample[j]]);
        }

        return n == 0 ? 1 : sum / n;
    }
}
