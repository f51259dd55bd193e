namespace Osprey.Server.Disclosure;

/// <summary>
/// Computes a case's deadlines from its events and the policy. Pure: the same case and policy
/// always give the same deadlines, so the dashboard, the scheduler and the tests agree.
/// </summary>
internal static class DisclosureTimeline
{
    public static DisclosureDeadlines Compute(DisclosureCase @case, DisclosurePolicy policy)
    {
        var reported = @case.First(DisclosureEventKind.Reported);
        if (reported is null) return DisclosureDeadlines.NotStarted;

        var extended = @case.Has(DisclosureEventKind.ExtensionGranted);
        var publication = reported.At.AddDays(policy.DisclosureDays + (extended ? policy.ExtensionDays : 0));
        var rule = extended
            ? $"{policy.DisclosureDays} days after the report plus a {policy.ExtensionDays}-day extension"
            : $"{policy.DisclosureDays} days after the report";

        var exploited = @case.First(DisclosureEventKind.ExploitedInTheWild);
        if (exploited is not null)
        {
            var start = exploited.At > reported.At ? exploited.At : reported.At;
            var wild = start.AddDays(policy.InTheWildDays + (extended ? policy.InTheWildExtensionDays : 0));
            if (wild < publication)
            {
                publication = wild;
                rule = extended
                    ? $"exploited in the wild: {policy.InTheWildDays} + {policy.InTheWildExtensionDays} days"
                    : $"exploited in the wild: {policy.InTheWildDays} days";
            }
        }

        var fix = @case.First(DisclosureEventKind.FixShipped);
        if (fix is not null && fix.At < publication)
        {
            publication = fix.At;
            rule = "the fix shipped before the deadline";
        }

        publication = Shift(publication, policy);
        var escalation = @case.Has(DisclosureEventKind.MaintainerResponded)
            ? (DateTimeOffset?)null
            : Shift(reported.At.AddDays(policy.EscalationDays), policy);

        // Without a fix, the deadline publishes everything; with one, details wait for users to update.
        var details = fix is null ? publication : Shift(fix.At.AddDays(policy.DetailsHoldDays), policy);
        if (details < publication) details = publication;

        var reminders = policy.ReminderDaysBeforePublication
            .Select(d => (Key: $"publication-minus-{d}d", At: publication.AddDays(-d)))
            .Where(r => r.At > reported.At)
            .OrderBy(r => r.At)
            .ToList();

        return new DisclosureDeadlines
        {
            Publication = publication,
            PublicationRule = rule,
            Escalation = escalation,
            DetailsRelease = details,
            Reminders = reminders,
        };
    }

    /// <summary>Moves a Saturday or Sunday (UTC) to the following Monday, keeping the time of day.</summary>
    public static DateTimeOffset Shift(DateTimeOffset deadline, DisclosurePolicy policy)
    {
        if (!policy.ShiftWeekendDeadlines) return deadline;
        var utc = deadline.ToUniversalTime();
        return utc.DayOfWeek switch
        {
            DayOfWeek.Saturday => utc.AddDays(2),
            DayOfWeek.Sunday => utc.AddDays(1),
            _ => utc,
        };
    }
}
