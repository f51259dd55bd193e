using System.Globalization;

namespace Osprey.Server.Abuse;

/// <summary>
/// Scope: submissions that are not the organisation's registered assets. A submission is in scope
/// when it names a registered asset of its organisation, or when most of its paths (containment ≥
/// <see cref="AbuseDetectionOptions.ScopePathContainment"/>) were seen in earlier scans of one.
/// </summary>
internal sealed class ScopeSignal : IAbuseSignal
{
    public string Name => "scope";

    public IEnumerable<AbuseSignalResult> Evaluate(AbuseWindow window)
    {
        var o = window.Options;
        foreach (var key in window.Recent.Where(e => e.Submission is not null).GroupBy(e => (e.KeyId, e.OrgId)))
        {
            var assets = window.Assets.GetValueOrDefault(key.Key.OrgId, []);
            var total = 0;
            var outside = new List<UsageEvent>();
            foreach (var e in key)
            {
                total++;
                if (!InScope(e.Submission!, assets, o.ScopePathContainment)) outside.Add(e);
            }

            if (outside.Count < o.ScopeMinOutOfScope) continue;
            var subject = AbuseSubject.Key(key.Key.KeyId, key.Key.OrgId);
            var fraction = (double)outside.Count / total;
            var example = outside[0].Submission!;
            var claimed = example.AssetId is null ? "an unregistered archive" : $"asset '{example.AssetId}', which is not registered to the organisation";
            yield return new AbuseSignalResult(Name, subject, Math.Min(1, 0.4 + (0.6 * fraction)), string.Create(CultureInfo.InvariantCulture,
                $"{outside.Count} of {total} submissions from {subject} match none of the organisation's {assets.Length} registered assets (e.g. {claimed} with {example.Paths.Length} files such as '{example.Paths.FirstOrDefault()}')."));
        }
    }

    public static bool InScope(SubmissionSketch submission, IReadOnlyCollection<RegisteredAsset> assets, double containment)
    {
        if (submission.AssetId is { } id) return assets.Any(a => a.Id == id);
        if (submission.Paths.IsDefaultOrEmpty) return false;
        return assets.Any(a => (double)submission.Paths.Count(a.KnownPaths.Contains) / submission.Paths.Length >= containment);
    }
}
