namespace Osprey.Server.Disclosure;

/// <summary>
/// Decides what is due. Pure: given the time, the cases and the policy it returns the actions, and
/// doing them (recording each action's event) makes them no longer due, so running it twice is safe.
/// </summary>
internal static class DisclosureScheduler
{
    public static IReadOnlyList<DisclosureAction> DueActions(DateTimeOffset now, IReadOnlyCollection<DisclosureCase> cases, DisclosurePolicy policy)
    {
        var actions = new List<DisclosureAction>();
        foreach (var c in DisclosurePacing.Releasable(now, cases, policy))
        {
            actions.Add(new(DisclosureActionKind.SendReport, c.Id, c.SignOff!.At,
                $"Signed off by {c.SignOff.Reviewer}; within the pacing limit of {policy.MaxNewReportsPerMaintainer} new reports per {policy.PacingWindow.TotalDays:0} days for {c.Maintainer.Name}."));
        }

        foreach (var c in cases.Where(c => c.Has(DisclosureEventKind.Reported)))
        {
            actions.AddRange(DueFor(now, c, policy));
        }

        return actions;
    }

    private static IEnumerable<DisclosureAction> DueFor(DateTimeOffset now, DisclosureCase c, DisclosurePolicy policy)
    {
        // A maintainer's not_affected verdict closes the case: nothing to publish or chase.
        if (c.Status == VexStatus.NotAffected) yield break;
        var d = DisclosureTimeline.Compute(c, policy);
        var published = c.Has(DisclosureEventKind.Published);

        if (!published)
        {
            var reminder = d.Reminders.LastOrDefault(r => r.At <= now);
            if (reminder.Key is not null && d.Publication > now && !c.Events.Any(e => e.Kind == DisclosureEventKind.ReminderSent && e.Key == reminder.Key))
            {
                yield return new(DisclosureActionKind.SendReminder, c.Id, reminder.At,
                    $"Publication is due {d.Publication:yyyy-MM-dd} ({d.PublicationRule}).", reminder.Key);
            }

            if (d.Escalation <= now && !c.Has(DisclosureEventKind.Escalated))
            {
                yield return new(DisclosureActionKind.Escalate, c.Id, d.Escalation.Value,
                    $"No response from {c.Maintainer.Name} {policy.EscalationDays} days after the report.");
            }

            if (d.Publication <= now)
            {
                yield return new(DisclosureActionKind.Publish, c.Id, d.Publication.Value, $"Publication deadline reached: {d.PublicationRule}.");
                published = true;
            }
        }

        if (published && d.DetailsRelease <= now && !c.Has(DisclosureEventKind.DetailsReleased))
        {
            var why = c.Has(DisclosureEventKind.FixShipped)
                ? $"{policy.DetailsHoldDays} days have passed since the fix shipped."
                : "Published without a fix: the details go with the advisory.";
            yield return new(DisclosureActionKind.ReleaseDetails, c.Id, d.DetailsRelease.Value, why);
        }
    }
}
