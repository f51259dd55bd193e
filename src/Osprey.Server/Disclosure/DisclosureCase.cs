using System.Collections.Immutable;
using Osprey.Core.Findings;

namespace Osprey.Server.Disclosure;

/// <summary>
/// A finding in someone else's software on its way to their maintainer: who gets it, under which
/// embargo, who approved sending it, what state it is in (VEX) and everything that happened so far.
/// Immutable: every change returns a new case, so a store can keep each version.
/// </summary>
internal sealed partial record DisclosureCase
{
    /// <summary>The label every report and export carries.</summary>
    public const string AutomatedSystemLabel = "Found by an automated system (Osprey); reviewed by a person before sending.";

    /// <summary>Case id, e.g. <c>OSP-2026-0001</c>; used in every export.</summary>
    public required string Id { get; init; }

    /// <summary>The organisation whose scan found the bug.</summary>
    public required string OrganisationId { get; init; }

    /// <summary>The finding with its trace and proof; its <see cref="Finding.Fingerprint"/> identifies the case's subject.</summary>
    public required Finding Finding { get; init; }

    /// <summary>The affected product.</summary>
    public required DisclosureAsset Asset { get; init; }

    /// <summary>Who receives the report.</summary>
    public required MaintainerContact Maintainer { get; init; }

    /// <summary>Embargo label until publication.</summary>
    public TlpLevel Tlp { get; init; } = TlpLevel.AmberStrict;

    /// <summary>
    /// A CVSS 3.1 base vector set by the reviewer, for CSAF and OSV; the finding's own vector is
    /// usually CVSS 4.0, which CSAF 2.0 cannot carry.
    /// </summary>
    public string? Cvss3Vector { get; init; }

    /// <summary>When the case was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>The reviewer's approval; null until a person has reviewed the case.</summary>
    public ReviewerSignOff? SignOff { get; init; }

    /// <summary>VEX revision history, oldest first; never empty.</summary>
    public ImmutableArray<DisclosureRevision> Revisions { get; init; } = [];

    /// <summary>Dated events, in the order they were recorded.</summary>
    public ImmutableArray<DisclosureEvent> Events { get; init; } = [];

    /// <summary>The current VEX state.</summary>
    public VexStatus Status => Revisions[^1].Status;

    /// <summary>The current justification, set only for <see cref="VexStatus.NotAffected"/>.</summary>
    public VexJustification? Justification => Revisions[^1].Justification;

    /// <summary>Opens a case in <c>under_investigation</c>.</summary>
    public static DisclosureCase Open(string id, string organisationId, Finding finding, DisclosureAsset asset,
        MaintainerContact maintainer, DateTimeOffset at, string actor, TlpLevel tlp = TlpLevel.AmberStrict)
    {
        if (string.IsNullOrWhiteSpace(id)) throw DisclosureException.EmptyField("(new)", "the case id");
        if (string.IsNullOrWhiteSpace(maintainer.Id)) throw DisclosureException.EmptyField(id, "the maintainer id");
        if (string.IsNullOrWhiteSpace(finding.Fingerprint)) throw DisclosureException.EmptyField(id, "the finding fingerprint");
        return new DisclosureCase
        {
            Id = id,
            OrganisationId = organisationId,
            Finding = finding,
            Asset = asset,
            Maintainer = maintainer,
            Tlp = tlp,
            OpenedAt = at,
            Revisions = [new DisclosureRevision(1, at, actor, VexStatus.UnderInvestigation, null, "Case opened from an automated finding.")],
        };
    }

    /// <summary>Records a reviewer's sign-off; a later sign-off replaces an earlier one.</summary>
    public DisclosureCase SignedOffBy(string reviewer, DateTimeOffset at, string note)
    {
        if (string.IsNullOrWhiteSpace(reviewer)) throw DisclosureException.EmptyField(Id, "the reviewer");
        return this with { SignOff = new ReviewerSignOff(reviewer, at, note) };
    }

    /// <summary>Whether an event of this kind has been recorded.</summary>
    public bool Has(DisclosureEventKind kind) => Events.Any(e => e.Kind == kind);

    /// <summary>The first event of this kind, if any.</summary>
    public DisclosureEvent? First(DisclosureEventKind kind) => Events.FirstOrDefault(e => e.Kind == kind);
}
