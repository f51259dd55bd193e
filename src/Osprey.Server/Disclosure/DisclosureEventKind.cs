namespace Osprey.Server.Disclosure;

/// <summary>What happened in a case; the timeline is computed from these, never stored separately.</summary>
internal enum DisclosureEventKind
{
    /// <summary>The report was sent to the maintainer: the disclosure clock starts.</summary>
    Reported,

    /// <summary>The maintainer answered (acknowledged, asked a question, disputed): the maintainer is engaged.</summary>
    MaintainerResponded,

    /// <summary>An engaged maintainer asked for more time and got it (at most once per case).</summary>
    ExtensionGranted,

    /// <summary>A release containing the fix shipped.</summary>
    FixShipped,

    /// <summary>Evidence that the bug is being exploited in the wild.</summary>
    ExploitedInTheWild,

    /// <summary>A reminder was sent; <see cref="DisclosureEvent.Key"/> says which.</summary>
    ReminderSent,

    /// <summary>The case was handed to an outside coordinator (e.g. a national CERT).</summary>
    Escalated,

    /// <summary>The advisory (without technical details) was published.</summary>
    Published,

    /// <summary>The technical details (trace, proof, replay artifact) were published.</summary>
    DetailsReleased,
}
