using System.Collections.Immutable;

namespace Osprey.Server.Disclosure;

/// <summary>
/// A reviewer's sign-off. The reviewer confirms the finding and names the maintainer's security
/// contact (required unless it is already set); the other fields complete the product and the
/// embargo for the exports.
/// </summary>
internal sealed record SignOffRequest(string Reviewer, string Note, string? MaintainerId = null, string? MaintainerName = null, string? MaintainerChannel = null,
    string? Vendor = null, string? Ecosystem = null, string? Purl = null, ImmutableArray<string>? AffectedVersions = null, string? Cvss3Vector = null, string? Tlp = null);

/// <summary>A VEX state change: <c>under_investigation</c>, <c>affected</c>, <c>fixed</c>, <c>not_affected</c> (with a justification).</summary>
internal sealed record StatusChangeRequest(string Status, string Actor, string Summary, string? Justification = null);

/// <summary>
/// A fact from outside: <c>maintainer-responded</c>, <c>extension-granted</c>, <c>fix-shipped</c>
/// (with <c>fixedVersion</c>) or <c>exploited-in-the-wild</c>. <c>At</c> defaults to now.
/// </summary>
internal sealed record DisclosureEventRequest(string Kind, string Actor, string Note, DateTimeOffset? At = null, string? FixedVersion = null);

/// <summary>Parses the wire names of VEX states, justifications, TLP labels and event kinds.</summary>
internal static class DisclosureNames
{
    public static VexStatus? Status(string? name) =>
        Enum.GetValues<VexStatus>().Cast<VexStatus?>().FirstOrDefault(s => s!.Value.ToVexName() == name);

    public static VexJustification? Justification(string? name) =>
        Enum.GetValues<VexJustification>().Cast<VexJustification?>().FirstOrDefault(s => s!.Value.ToVexName() == name);

    public static TlpLevel? Tlp(string? name) =>
        Enum.GetValues<TlpLevel>().Cast<TlpLevel?>().FirstOrDefault(t => string.Equals(t!.Value.ToDisplayName(), name, StringComparison.OrdinalIgnoreCase)
            || string.Equals("TLP:" + name, t.Value.ToDisplayName(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The events a person may record; the scheduler records the others.</summary>
    public static DisclosureEventKind? ExternalEvent(string? name) => name switch
    {
        "maintainer-responded" => DisclosureEventKind.MaintainerResponded,
        "extension-granted" => DisclosureEventKind.ExtensionGranted,
        "fix-shipped" => DisclosureEventKind.FixShipped,
        "exploited-in-the-wild" => DisclosureEventKind.ExploitedInTheWild,
        _ => null,
    };

    public static IReadOnlyList<string> StatusNames { get; } = Enum.GetValues<VexStatus>().Select(s => s.ToVexName()).ToList();

    public static IReadOnlyList<string> JustificationNames { get; } = Enum.GetValues<VexJustification>().Select(s => s.ToVexName()).ToList();
}
