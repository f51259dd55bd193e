using System.Collections.Immutable;
using System.Globalization;

namespace Osprey.Server.Abuse;

/// <summary>What the service does about a risky subject, mildest first.</summary>
internal enum AbuseActionKind
{
    /// <summary>Tell the operator.</summary>
    Alert,

    /// <summary>Lower the subject's rate limits.</summary>
    Throttle,

    /// <summary>Put the subject in the operator review queue; exports and proofs wait for the decision.</summary>
    RequireReview,

    /// <summary>Suspend the key or organisation until an operator lifts it.</summary>
    Suspend,
}

/// <summary>An action to carry out and audit: what, whom, when, on which evidence.</summary>
internal sealed record AbuseAction(AbuseActionKind Kind, AbuseSubject Subject, double Score, DateTimeOffset At, string Summary, ImmutableArray<AbuseSignalResult> Evidence);

/// <summary>Score bands to actions. Defaults: alert at 0.5, throttle at 0.7, review at 0.85, suspend at 0.97.</summary>
internal sealed record AbusePolicy
{
    public static AbusePolicy Default { get; } = new();

    /// <value>0.5: one signal at its own threshold.</value>
    public double AlertAt { get; init; } = 0.5;

    /// <value>0.7.</value>
    public double ThrottleAt { get; init; } = 0.7;

    /// <value>0.85: e.g. two signals at threshold, or one strong one.</value>
    public double ReviewAt { get; init; } = 0.85;

    /// <value>0.97: several strong signals; suspension without a person's look is reserved for the clearest cases.</value>
    public double SuspendAt { get; init; } = 0.97;

    public AbusePolicy Validate()
    {
        if (!(0 < AlertAt && AlertAt <= ThrottleAt && ThrottleAt <= ReviewAt && ReviewAt <= SuspendAt && SuspendAt <= 1))
        {
            throw new ArgumentException($"Invalid abuse policy: bands must satisfy 0 < AlertAt ≤ ThrottleAt ≤ ReviewAt ≤ SuspendAt ≤ 1 (were {AlertAt}, {ThrottleAt}, {ReviewAt}, {SuspendAt}).");
        }

        return this;
    }

    /// <summary>The action for an assessment, or null below the alert band.</summary>
    public AbuseAction? Decide(RiskAssessment assessment, DateTimeOffset at)
    {
        AbuseActionKind? kind = assessment.Score switch
        {
            var s when s >= SuspendAt => AbuseActionKind.Suspend,
            var s when s >= ReviewAt => AbuseActionKind.RequireReview,
            var s when s >= ThrottleAt => AbuseActionKind.Throttle,
            var s when s >= AlertAt => AbuseActionKind.Alert,
            _ => null,
        };
        if (kind is null) return null;
        var signals = string.Join(", ", assessment.Reasons.Select(r => r.Signal).Distinct(StringComparer.Ordinal));
        return new AbuseAction(kind.Value, assessment.Subject, assessment.Score, at,
            string.Create(CultureInfo.InvariantCulture, $"{kind.Value} {assessment.Subject}: risk {assessment.Score:0.00} from {signals}."), assessment.Reasons);
    }
}
