namespace Osprey.Server.Disclosure;

/// <summary>A case's computed deadlines; all null before the report is sent.</summary>
internal sealed record DisclosureDeadlines
{
    /// <summary>No deadlines: the report has not been sent.</summary>
    public static DisclosureDeadlines NotStarted { get; } = new();

    /// <summary>When the advisory becomes public.</summary>
    public DateTimeOffset? Publication { get; init; }

    /// <summary>Which rule set <see cref="Publication"/>, in words.</summary>
    public string PublicationRule { get; init; } = "";

    /// <summary>When the case goes to an outside coordinator if the maintainer stays silent; null once they responded.</summary>
    public DateTimeOffset? Escalation { get; init; }

    /// <summary>When trace, proof and replay artifact are released.</summary>
    public DateTimeOffset? DetailsRelease { get; init; }

    /// <summary>Reminder keys and their times, before <see cref="Publication"/>.</summary>
    public IReadOnlyList<(string Key, DateTimeOffset At)> Reminders { get; init; } = [];
}
