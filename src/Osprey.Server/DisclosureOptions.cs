namespace Osprey.Server;

/// <summary>
/// Coordinated disclosure as the server runs it: the timeline policy (defaults from issue 8), how
/// often the scheduler looks for due actions, and who publishes the advisories.
/// </summary>
public sealed record DisclosureOptions
{
    /// <summary>How often the scheduler sends due reports, reminders, escalations and publications; null turns it off.</summary>
    /// <value>1 hour.</value>
    public TimeSpan? RunInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Days from the report to publication.</summary>
    /// <value>90.</value>
    public int DisclosureDays { get; init; } = 90;

    /// <summary>Extra days an engaged maintainer may be granted, once.</summary>
    /// <value>14.</value>
    public int ExtensionDays { get; init; } = 14;

    /// <summary>Days to publication for a bug exploited in the wild.</summary>
    /// <value>7.</value>
    public int InTheWildDays { get; init; } = 7;

    /// <summary>Extension for a bug exploited in the wild.</summary>
    /// <value>7.</value>
    public int InTheWildExtensionDays { get; init; } = 7;

    /// <summary>Days without a response before the case goes to the outside coordinator.</summary>
    /// <value>30.</value>
    public int EscalationDays { get; init; } = 30;

    /// <summary>Days after the fix before trace, proof and replay artifact are released.</summary>
    /// <value>45.</value>
    public int DetailsHoldDays { get; init; } = 45;

    /// <summary>New reports one maintainer receives per 7 days at most; the rest queue.</summary>
    /// <value>5.</value>
    public int MaxNewReportsPerMaintainer { get; init; } = 5;

    /// <summary>The advisories' publisher name (CSAF <c>document.publisher.name</c>).</summary>
    /// <value><c>Osprey service operator</c>.</value>
    public string PublisherName { get; init; } = "Osprey service operator";

    /// <summary>The publisher's URL (CSAF <c>document.publisher.namespace</c>).</summary>
    /// <value><c>https://osprey.invalid</c>: set your own.</value>
    public Uri PublisherNamespace { get; init; } = new("https://osprey.invalid");

    /// <summary>How maintainers and coordinators reach the publisher.</summary>
    /// <value><c>the service operator</c>.</value>
    public string PublisherContact { get; init; } = "the service operator";

    /// <summary>The outside coordinator escalations are addressed to.</summary>
    /// <value><c>the outside coordinator</c>: set the one you work with (e.g. a national CERT's address).</value>
    public string Coordinator { get; init; } = "the outside coordinator";

    internal Disclosure.DisclosurePolicy ToPolicy() => new Disclosure.DisclosurePolicy
    {
        DisclosureDays = DisclosureDays,
        ExtensionDays = ExtensionDays,
        InTheWildDays = InTheWildDays,
        InTheWildExtensionDays = InTheWildExtensionDays,
        EscalationDays = EscalationDays,
        DetailsHoldDays = DetailsHoldDays,
        MaxNewReportsPerMaintainer = MaxNewReportsPerMaintainer,
    };

    internal Disclosure.CsafPublisher ToPublisher() => new(PublisherName, PublisherNamespace, PublisherContact);
}
