using System.Globalization;

namespace Osprey.Server.Abuse;

/// <summary>
/// Distribution test: are a key's recent submissions drawn from the same distribution as its
/// organisation's past submissions? MMD² over hashed n-gram vectors, with the threshold from
/// permutations of the organisation's history. Catches slow-and-low use of a key for code that is
/// not the organisation's, which stays under every volume bar.
/// </summary>
internal sealed class DistributionShiftSignal : IAbuseSignal
{
    /// <summary>Caps that keep the test to a few milliseconds per key.</summary>
    private const int MaxHistory = 100;

    private const int MaxRecent = 30;

    /// <summary>
    /// An effect-size floor under the permutation threshold: a key that rescans one unchanged
    /// repository has a benign null near zero, and any edit would otherwise look like a shift.
    /// </summary>
    private const double MinStatistic = 0.02;

    /// <summary>Feature vectors by submission, kept as long as the submission is: evaluations overlap by all but one step.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SubmissionSketch, double[]> _features = new();

    public string Name => "distribution-shift";

    private double[] Features(SubmissionSketch submission) => _features.GetValue(submission, HashedNgramFeatures.Of);

    public IEnumerable<AbuseSignalResult> Evaluate(AbuseWindow window)
    {
        var o = window.Options;
        var tests = new Dictionary<string, MaximumMeanDiscrepancy?>(StringComparer.Ordinal);
        var thresholds = new Dictionary<(string, int), double>();
        var submissions = window.History.Where(e => e.Submission is not null).ToList();
        var byKey = submissions.ToLookup(e => e.KeyId, StringComparer.Ordinal);
        var byOrg = submissions.ToLookup(e => e.OrgId, StringComparer.Ordinal);
        foreach (var key in window.Recent.Where(e => e.Submission is not null).GroupBy(e => (e.KeyId, e.OrgId)))
        {
            var recent = key.TakeLast(MaxRecent).Select(e => Features(e.Submission!)).ToList();
            if (recent.Count < o.ShiftMinSamples) continue;
            // A key with enough history of its own is compared with itself: a team's key that scans
            // one of the organisation's repositories should not differ from the organisation's mix.
            var own = byKey[key.Key.KeyId].TakeLast(MaxHistory).ToList();
            var baselineId = own.Count >= o.ShiftMinHistory ? "key:" + key.Key.KeyId : "org:" + key.Key.OrgId;
            if (!tests.TryGetValue(baselineId, out var mmd))
            {
                var history = own.Count >= o.ShiftMinHistory ? own : byOrg[key.Key.OrgId].TakeLast(MaxHistory).ToList();
                tests[baselineId] = mmd = history.Count >= o.ShiftMinHistory ? new MaximumMeanDiscrepancy(history.Select(e => Features(e.Submission!)).ToList()) : null;
            }

            if (mmd is null) continue;
            var m = Math.Min(recent.Count, mmd.BenignCount / 2);
            recent = recent.TakeLast(m).ToList();
            if (!thresholds.TryGetValue((baselineId, m), out var threshold))
            {
                thresholds[(baselineId, m)] = threshold = mmd.Threshold(m, o.ShiftAlpha, o.ShiftPermutations, (int)StableHash.Of(baselineId));
            }

            var statistic = mmd.Statistic(recent);
            if (statistic <= Math.Max(threshold, MinStatistic)) continue;
            var subject = AbuseSubject.Key(key.Key.KeyId, key.Key.OrgId);
            var ratio = threshold > 0 ? statistic / threshold : double.PositiveInfinity;
            yield return new AbuseSignalResult(Name, subject, Math.Min(1, 0.25 + (0.25 * ratio)), string.Create(CultureInfo.InvariantCulture,
                $"The last {m} submissions of {subject} differ from {(baselineId.StartsWith("key:", StringComparison.Ordinal) ? "its" : "the organisation's")} {mmd.BenignCount} earlier submissions: MMD² = {statistic:0.0000} against a benign-only permutation threshold of {threshold:0.0000} (α = {o.ShiftAlpha})."));
        }
    }
}
