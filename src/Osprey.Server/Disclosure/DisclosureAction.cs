namespace Osprey.Server.Disclosure;

/// <summary>What the scheduler says is due.</summary>
internal enum DisclosureActionKind
{
    /// <summary>Send the signed-off report to the maintainer.</summary>
    SendReport,

    /// <summary>Remind the maintainer of the coming publication.</summary>
    SendReminder,

    /// <summary>Hand the case to the outside coordinator.</summary>
    Escalate,

    /// <summary>Publish the advisory without technical details.</summary>
    Publish,

    /// <summary>Publish trace, proof and replay artifact.</summary>
    ReleaseDetails,
}

/// <summary>One due action for one case, with the reason in words (shown on the timeline and audited).</summary>
/// <param name="Kind">What to do.</param>
/// <param name="CaseId">Which case.</param>
/// <param name="Due">When it became due.</param>
/// <param name="Reason">Why, in a sentence.</param>
/// <param name="Key">For reminders: which one.</param>
internal sealed record DisclosureAction(DisclosureActionKind Kind, string CaseId, DateTimeOffset Due, string Reason, string? Key = null)
{
    /// <summary>The event that records this action as done.</summary>
    public DisclosureEvent ToEvent(DateTimeOffset at) => Kind switch
    {
        DisclosureActionKind.SendReport => new(DisclosureEventKind.Reported, at, "scheduler", Reason),
        DisclosureActionKind.SendReminder => new(DisclosureEventKind.ReminderSent, at, "scheduler", Reason, Key),
        DisclosureActionKind.Escalate => new(DisclosureEventKind.Escalated, at, "scheduler", Reason),
        DisclosureActionKind.Publish => new(DisclosureEventKind.Published, at, "scheduler", Reason),
        _ => new(DisclosureEventKind.DetailsReleased, at, "scheduler", Reason),
    };
}
