namespace Osprey.Server.Disclosure;

/// <summary>A case in a list.</summary>
internal sealed record DisclosureCaseSummary(string Id, string OrganisationId, string Product, string Title, string Severity, string Status,
    string Maintainer, bool SignedOff, DateTimeOffset OpenedAt, DateTimeOffset? Publication)
{
    public static DisclosureCaseSummary Of(DisclosureCase c, DisclosurePolicy policy) => new(c.Id, c.OrganisationId, c.Asset.Name, c.Finding.Title,
        c.Finding.Severity.ToString().ToLowerInvariant(), c.Status.ToVexName(), c.Maintainer.Name, c.SignOff is not null, c.OpenedAt, DisclosureTimeline.Compute(c, policy).Publication);
}

/// <summary>A case with its sign-off, revision history, events and computed deadlines.</summary>
internal sealed record DisclosureCaseView(DisclosureCaseSummary Case, string Label, string Tlp, string? Cvss3Vector, string RuleId, string File, int Line, string Fingerprint,
    MaintainerContact Maintainer, DisclosureAsset Asset, ReviewerSignOff? SignOff, string? Justification,
    IReadOnlyList<DisclosureRevisionView> Revisions, IReadOnlyList<DisclosureEventView> Events, DisclosureDeadlinesView Deadlines)
{
    public static DisclosureCaseView Of(DisclosureCase c, DisclosurePolicy policy)
    {
        var d = DisclosureTimeline.Compute(c, policy);
        return new(DisclosureCaseSummary.Of(c, policy), DisclosureCase.AutomatedSystemLabel, c.Tlp.ToDisplayName(), c.Cvss3Vector, c.Finding.RuleId,
            c.Finding.Location.FilePath, c.Finding.Location.StartLine, c.Finding.Fingerprint, c.Maintainer, c.Asset, c.SignOff, c.Justification?.ToVexName(),
            c.Revisions.Select(r => new DisclosureRevisionView(r.Number, r.At, r.Actor, r.Status.ToVexName(), r.Justification?.ToVexName(), r.Summary)).ToList(),
            c.Events.Select(e => new DisclosureEventView(e.Kind.ToString(), e.At, e.Actor, e.Note, e.Key)).ToList(),
            new DisclosureDeadlinesView(d.Publication, d.PublicationRule, d.Escalation, d.DetailsRelease, d.Reminders.Select(r => new DisclosureReminderView(r.Key, r.At)).ToList()));
    }
}

/// <summary>One VEX revision.</summary>
internal sealed record DisclosureRevisionView(int Number, DateTimeOffset At, string Actor, string Status, string? Justification, string Summary);

/// <summary>One event.</summary>
internal sealed record DisclosureEventView(string Kind, DateTimeOffset At, string Actor, string Note, string? Key);

/// <summary>The computed deadlines; null before the report is sent.</summary>
internal sealed record DisclosureDeadlinesView(DateTimeOffset? Publication, string PublicationRule, DateTimeOffset? Escalation, DateTimeOffset? DetailsRelease, IReadOnlyList<DisclosureReminderView> Reminders);

/// <summary>One reminder's time.</summary>
internal sealed record DisclosureReminderView(string Key, DateTimeOffset At);

/// <summary>An outbox message without its body.</summary>
internal sealed record DisclosureOutboxView(long Id, string CaseId, string Action, DateTimeOffset At, string Recipient, string Subject, string ContentType, int Bytes, DateTimeOffset? DeliveredAt);
