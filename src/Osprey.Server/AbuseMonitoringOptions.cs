namespace Osprey.Server;

/// <summary>
/// The abuse monitor as the server runs it: how often it evaluates the usage log, its windows, the
/// score bands of each action (null disables an action) and what a throttle means.
/// </summary>
public sealed record AbuseMonitoringOptions
{
    /// <summary>How often the monitor evaluates every key and organisation; null turns it off.</summary>
    /// <value>1 hour.</value>
    public TimeSpan? Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The recent window the signals look at.</summary>
    /// <value>24 hours.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The history before the window that forms each baseline.</summary>
    /// <value>28 days.</value>
    public TimeSpan History { get; init; } = TimeSpan.FromDays(28);

    /// <summary>Risk score at which the operator is alerted; null: never.</summary>
    /// <value>0.5.</value>
    public double? AlertAt { get; init; } = 0.5;

    /// <summary>Risk score at which the subject is throttled; null: never.</summary>
    /// <value>0.7.</value>
    public double? ThrottleAt { get; init; } = 0.7;

    /// <summary>Risk score at which the subject goes to the operator review queue (proofs, traces and exports wait); null: never.</summary>
    /// <value>0.85.</value>
    public double? ReviewAt { get; init; } = 0.85;

    /// <summary>Risk score at which the subject is suspended until an operator decides; null: never.</summary>
    /// <value>0.97.</value>
    public double? SuspendAt { get; init; } = 0.97;

    /// <summary>Requests per minute a throttled key or organisation may make.</summary>
    /// <value>10.</value>
    public int ThrottledRequestsPerMinute { get; init; } = 10;

    /// <summary>Returns every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Interval is { } i && i <= TimeSpan.Zero) problems.Add("The abuse monitor interval must be positive.");
        if (Window <= TimeSpan.Zero || History < Window) problems.Add("The abuse window must be positive and the history at least one window.");
        var bands = new[] { AlertAt, ThrottleAt, ReviewAt, SuspendAt }.Where(b => b is not null).Select(b => b!.Value).ToList();
        if (bands.Any(b => b is <= 0 or > 1) || bands.Zip(bands.Skip(1)).Any(p => p.First > p.Second))
            problems.Add("Abuse action bands must lie in (0, 1] and not decrease from alert to suspend.");
        if (ThrottledRequestsPerMinute < 1) problems.Add("A throttled subject must keep at least one request per minute.");
        return problems;
    }

    internal Abuse.AbuseDetectionOptions ToDetectionOptions() => new() { Window = Window, History = History };

    /// <summary>
    /// A policy that fires at the lowest enabled band; <see cref="Effective"/> then picks the action
    /// from the configured bands, so a disabled action is skipped rather than reordering the others.
    /// </summary>
    internal Abuse.AbusePolicy ToPolicy()
    {
        var lowest = new[] { AlertAt, ThrottleAt, ReviewAt, SuspendAt }.Where(b => b is not null).Select(b => b!.Value).DefaultIfEmpty(1).Min();
        return new Abuse.AbusePolicy { AlertAt = lowest, ThrottleAt = lowest, ReviewAt = lowest, SuspendAt = lowest };
    }

    /// <summary>The action actually taken for the one the policy chose: the strongest enabled action not stronger than it, or null.</summary>
    internal Abuse.AbuseActionKind? Effective(Abuse.AbuseActionKind decided, double score)
    {
        for (var k = decided; k >= Abuse.AbuseActionKind.Alert; k--)
        {
            var band = k switch
            {
                Abuse.AbuseActionKind.Suspend => SuspendAt,
                Abuse.AbuseActionKind.RequireReview => ReviewAt,
                Abuse.AbuseActionKind.Throttle => ThrottleAt,
                _ => AlertAt,
            };
            if (band is { } b && score >= b) return k;
        }

        return null;
    }
}
