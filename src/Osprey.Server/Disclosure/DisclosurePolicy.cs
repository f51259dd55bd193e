using System.Collections.Immutable;

namespace Osprey.Server.Disclosure;

/// <summary>
/// The disclosure rules an operator configures. Defaults follow issue 8: public 90 days after the
/// report or when a fix ships, whichever is first; 14 more days once, if the maintainer is engaged
/// and asks; 7 (+7) days for a bug exploited in the wild; escalation to an outside coordinator after
/// 30 days without response; technical details held 45 days after the fix; weekend deadlines move
/// to the next Monday.
/// </summary>
internal sealed record DisclosurePolicy
{
    /// <summary>The default policy.</summary>
    public static DisclosurePolicy Default { get; } = new();

    /// <summary>Days from the report to publication.</summary>
    /// <value>90.</value>
    public int DisclosureDays { get; init; } = 90;

    /// <summary>Extra days granted once to an engaged maintainer who asks.</summary>
    /// <value>14.</value>
    public int ExtensionDays { get; init; } = 14;

    /// <summary>Days to publication for a bug exploited in the wild, counted from when that became known (or the report, if later).</summary>
    /// <value>7.</value>
    public int InTheWildDays { get; init; } = 7;

    /// <summary>Extension for an in-the-wild bug.</summary>
    /// <value>7.</value>
    public int InTheWildExtensionDays { get; init; } = 7;

    /// <summary>Days without any maintainer response after which the case goes to an outside coordinator.</summary>
    /// <value>30.</value>
    public int EscalationDays { get; init; } = 30;

    /// <summary>Days after the fix during which trace, proof and replay artifact stay private.</summary>
    /// <value>45.</value>
    public int DetailsHoldDays { get; init; } = 45;

    /// <summary>Whether a deadline on Saturday or Sunday moves to the next Monday.</summary>
    /// <value>true.</value>
    public bool ShiftWeekendDeadlines { get; init; } = true;

    /// <summary>Reminders go to the maintainer this many days before publication.</summary>
    /// <value>14 and 3.</value>
    public ImmutableArray<int> ReminderDaysBeforePublication { get; init; } = [14, 3];

    /// <summary>At most this many new reports to one maintainer per rolling <see cref="PacingWindow"/>; the rest queue.</summary>
    /// <value>5.</value>
    public int MaxNewReportsPerMaintainer { get; init; } = 5;

    /// <summary>The pacing window.</summary>
    /// <value>7 days.</value>
    public TimeSpan PacingWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Throws one error naming every invalid setting.</summary>
    public DisclosurePolicy Validate()
    {
        var problems = new List<string>();
        if (DisclosureDays < 1) problems.Add($"DisclosureDays must be at least 1 (was {DisclosureDays})");
        if (ExtensionDays < 0) problems.Add($"ExtensionDays must not be negative (was {ExtensionDays})");
        if (InTheWildDays < 1) problems.Add($"InTheWildDays must be at least 1 (was {InTheWildDays})");
        if (InTheWildExtensionDays < 0) problems.Add($"InTheWildExtensionDays must not be negative (was {InTheWildExtensionDays})");
        if (EscalationDays < 1) problems.Add($"EscalationDays must be at least 1 (was {EscalationDays})");
        if (DetailsHoldDays < 0) problems.Add($"DetailsHoldDays must not be negative (was {DetailsHoldDays})");
        if (MaxNewReportsPerMaintainer < 1) problems.Add($"MaxNewReportsPerMaintainer must be at least 1 (was {MaxNewReportsPerMaintainer})");
        if (PacingWindow <= TimeSpan.Zero) problems.Add($"PacingWindow must be positive (was {PacingWindow})");
        if (ReminderDaysBeforePublication.Any(d => d < 1)) problems.Add("ReminderDaysBeforePublication must all be at least 1");
        if (problems.Count > 0) throw new ArgumentException("Invalid disclosure policy: " + string.Join("; ", problems) + ".");
        return this;
    }
}
