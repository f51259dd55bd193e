using System.Collections.Immutable;

namespace Osprey.Server.Abuse;

/// <summary>A subject's combined risk in [0, 1] with the signals behind it.</summary>
/// <param name="Subject">Whom it is about.</param>
/// <param name="Score">Combined score.</param>
/// <param name="Reasons">The fired signals, strongest first.</param>
internal sealed record RiskAssessment(AbuseSubject Subject, double Score, ImmutableArray<AbuseSignalResult> Reasons);

/// <summary>
/// Combines fired signals per subject by noisy-OR, 1 − Π(1 − wᵢ·sᵢ): independent evidence adds up,
/// one strong signal is enough, and the score never exceeds 1. Weights default to 1; a key's
/// organisation-level results also count for each of its keys.
/// </summary>
internal sealed class RiskScorer(IReadOnlyDictionary<string, double>? weights = null)
{
    public IReadOnlyList<RiskAssessment> Score(IEnumerable<AbuseSignalResult> results)
    {
        return results
            .GroupBy(r => r.Subject)
            .Select(g =>
            {
                var reasons = g.OrderByDescending(r => r.Score).ToImmutableArray();
                var keep = 1.0;
                foreach (var r in reasons) keep *= 1 - (Math.Clamp(Weight(r.Signal) * r.Score, 0, 1));
                return new RiskAssessment(g.Key, 1 - keep, reasons);
            })
            .OrderByDescending(a => a.Score)
            .ThenBy(a => a.Subject.Id, StringComparer.Ordinal)
            .ToList();
    }

    private double Weight(string signal) => weights?.GetValueOrDefault(signal, 1.0) ?? 1.0;
}
