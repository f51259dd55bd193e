namespace Osprey.Server.Disclosure;

internal sealed partial record DisclosureCase
{
    /// <summary>
    /// Moves the case to a new VEX state and appends a revision. Allowed moves: from
    /// under_investigation anywhere; affected → fixed or not_affected; fixed → affected (a
    /// regression); not_affected → under_investigation or affected (reopened).
    /// </summary>
    public DisclosureCase WithStatus(VexStatus to, DateTimeOffset at, string actor, string summary, VexJustification? justification = null)
    {
        if (!IsAllowed(Status, to)) throw DisclosureException.InvalidTransition(Id, Status, to);
        if (to == VexStatus.NotAffected && justification is null) throw DisclosureException.JustificationRequired(Id);
        if (to != VexStatus.NotAffected && justification is not null) throw DisclosureException.JustificationNotAllowed(Id, to);
        var revision = new DisclosureRevision(Revisions.Length + 1, at, actor, to, justification, summary);
        return this with { Revisions = Revisions.Add(revision) };
    }

    /// <summary>
    /// Records an event. Sending anything requires the sign-off; an extension requires an engaged
    /// maintainer and is granted once; a shipped fix also moves the case to <c>fixed</c>.
    /// </summary>
    public DisclosureCase Record(DisclosureEvent e)
    {
        if (e.Kind is DisclosureEventKind.Reported or DisclosureEventKind.ReminderSent && SignOff is null)
        {
            throw DisclosureException.NotSignedOff(Id);
        }

        if (e.Kind == DisclosureEventKind.ExtensionGranted)
        {
            if (!Has(DisclosureEventKind.MaintainerResponded)) throw DisclosureException.ExtensionRefused(Id, "the maintainer has not engaged");
            if (Has(DisclosureEventKind.ExtensionGranted)) throw DisclosureException.ExtensionRefused(Id, "an extension was already granted");
        }

        var next = this with { Events = Events.Add(e) };
        if (e.Kind == DisclosureEventKind.FixShipped && Status != VexStatus.Fixed)
        {
            next = next.WithStatus(VexStatus.Fixed, e.At, e.Actor, e.Note.Length > 0 ? e.Note : "A release with the fix shipped.");
        }

        return next;
    }

    private static bool IsAllowed(VexStatus from, VexStatus to) => (from, to) switch
    {
        (VexStatus.UnderInvestigation, not VexStatus.UnderInvestigation) => true,
        (VexStatus.Affected, VexStatus.Fixed or VexStatus.NotAffected) => true,
        (VexStatus.Fixed, VexStatus.Affected) => true,
        (VexStatus.NotAffected, VexStatus.UnderInvestigation or VexStatus.Affected) => true,
        _ => false,
    };
}
