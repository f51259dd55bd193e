using Microsoft.AspNetCore.Http;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;

namespace Osprey.Server.Disclosure;

/// <summary>
/// What a reviewer does to a case — sign off, change its VEX state, record an outside fact — shared
/// by the API and the dashboard. Only operator keys reach these; each change is saved with its new
/// revision or event and audited with the reviewer's name and the operator key.
/// </summary>
internal sealed class DisclosureOperations(ServerRuntime runtime, DbDisclosureCaseStore store, AuditLog audit)
{
    public async Task<(DisclosureCase? Case, IResult? Error)> SignOffAsync(Caller caller, string caseId, SignOffRequest request, string? client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reviewer) || string.IsNullOrWhiteSpace(request.Note))
            return (null, ApiProblem.Result(400, "sign-off-incomplete", "A sign-off needs the reviewer's name and what was checked.", "Say who reviewed the finding and what they confirmed (trace, proof replayed, affected versions)."));
        var tlp = request.Tlp is null ? (TlpLevel?)null : DisclosureNames.Tlp(request.Tlp);
        if (request.Tlp is not null && tlp is null)
            return (null, ApiProblem.Result(400, "invalid-tlp", $"'{request.Tlp}' is not a TLP 2.0 label.", "Use TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED."));
        if (request.Cvss3Vector is { } vector && !Cvss31.TryScore(vector, out _, out _))
            return (null, ApiProblem.Result(400, "invalid-cvss", $"'{vector}' is not a CVSS 3.1 base vector.", "Use the form CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H."));
        var c = await store.FindAsync(caseId, cancellationToken);
        if (c is null) return (null, ApiProblem.NotFound("disclosure case"));
        var maintainer = c.Maintainer with
        {
            Id = Blank(request.MaintainerId) ?? c.Maintainer.Id,
            Name = Blank(request.MaintainerName) ?? c.Maintainer.Name,
            Channel = Blank(request.MaintainerChannel) ?? c.Maintainer.Channel,
        };
        if (maintainer.Channel == MaintainerChannel.Unset)
            return (null, ApiProblem.Result(400, "maintainer-contact-required", "The maintainer's security contact is not set.", "Pass maintainerChannel: the project's security address or advisory form."));
        var asset = c.Asset with
        {
            Vendor = Blank(request.Vendor) ?? c.Asset.Vendor,
            Ecosystem = Blank(request.Ecosystem) ?? c.Asset.Ecosystem,
            Purl = Blank(request.Purl) ?? c.Asset.Purl,
            AffectedVersions = request.AffectedVersions ?? c.Asset.AffectedVersions,
        };
        var now = runtime.Now;
        var signed = (c with { Maintainer = maintainer, Asset = asset, Tlp = tlp ?? c.Tlp, Cvss3Vector = request.Cvss3Vector ?? c.Cvss3Vector })
            .SignedOffBy(request.Reviewer.Trim(), now, request.Note.Trim());
        await store.SaveAsync(signed, cancellationToken);
        await AuditAsync(AuditKinds.DisclosureSignedOff, caller, signed, client, cancellationToken, ("reviewer", request.Reviewer.Trim()), ("maintainer", maintainer.Channel));
        return (signed, null);
    }

    public async Task<(DisclosureCase? Case, IResult? Error)> ChangeStatusAsync(Caller caller, string caseId, StatusChangeRequest request, string? client, CancellationToken cancellationToken)
    {
        if (DisclosureNames.Status(request.Status) is not { } status)
            return (null, ApiProblem.Result(400, "invalid-status", $"'{request.Status}' is not a VEX status.", "Use " + string.Join(", ", DisclosureNames.StatusNames) + "."));
        var justification = DisclosureNames.Justification(request.Justification);
        if (request.Justification is not null && justification is null)
            return (null, ApiProblem.Result(400, "invalid-justification", $"'{request.Justification}' is not a VEX justification.", "Use " + string.Join(", ", DisclosureNames.JustificationNames) + "."));
        if (string.IsNullOrWhiteSpace(request.Actor) || string.IsNullOrWhiteSpace(request.Summary))
            return (null, ApiProblem.Result(400, "status-change-incomplete", "A state change needs who made it and why.", "Pass actor and summary."));
        return await ApplyAsync(caller, caseId, client, AuditKinds.DisclosureStatusChanged, c => c.WithStatus(status, runtime.Now, request.Actor.Trim(), request.Summary.Trim(), justification),
            ("status", request.Status), ("justification", request.Justification ?? ""), cancellationToken);
    }

    public async Task<(DisclosureCase? Case, IResult? Error)> RecordEventAsync(Caller caller, string caseId, DisclosureEventRequest request, string? client, CancellationToken cancellationToken)
    {
        if (DisclosureNames.ExternalEvent(request.Kind) is not { } kind)
            return (null, ApiProblem.Result(400, "invalid-event", $"'{request.Kind}' is not an event a person records.", "Use maintainer-responded, extension-granted, fix-shipped or exploited-in-the-wild; the scheduler records reports, reminders, escalations and publications."));
        if (string.IsNullOrWhiteSpace(request.Actor))
            return (null, ApiProblem.Result(400, "event-incomplete", "An event needs who recorded it.", "Pass actor."));
        var at = request.At ?? runtime.Now;
        if (at > runtime.Now)
            return (null, ApiProblem.Result(400, "event-in-future", "The event's time is in the future.", "Record events when they have happened."));
        return await ApplyAsync(caller, caseId, client, AuditKinds.DisclosureEventRecorded, c =>
            {
                var next = kind == DisclosureEventKind.FixShipped && Blank(request.FixedVersion) is { } version ? c with { Asset = c.Asset with { FixedVersion = version } } : c;
                return next.Record(new DisclosureEvent(kind, at, request.Actor.Trim(), request.Note?.Trim() ?? ""));
            },
            ("event", request.Kind), ("at", Disclosure.DisclosureText.Timestamp(at)), cancellationToken);
    }

    private async Task<(DisclosureCase? Case, IResult? Error)> ApplyAsync(Caller caller, string caseId, string? client, string auditKind, Func<DisclosureCase, DisclosureCase> change,
        (string, string) detail1, (string, string) detail2, CancellationToken cancellationToken)
    {
        var c = await store.FindAsync(caseId, cancellationToken);
        if (c is null) return (null, ApiProblem.NotFound("disclosure case"));
        DisclosureCase next;
        try
        {
            next = change(c);
        }
        catch (DisclosureException ex)
        {
            return (null, ApiProblem.Result(409, "disclosure-rule", "The disclosure rules do not allow this change.", "See docs/disclosure.md for the allowed transitions and events.", ex.Message));
        }

        await store.SaveAsync(next, cancellationToken);
        await AuditAsync(auditKind, caller, next, client, cancellationToken, detail1, detail2);
        return (next, null);
    }

    public Task AuditAsync(string kind, Caller caller, DisclosureCase c, string? client, CancellationToken cancellationToken, params (string Key, string Value)[] details) =>
        audit.AppendAsync(new AuditEvent(kind, caller.KeyId, Guid.TryParse(c.OrganisationId, out var org) ? org : null, c.Id, client)
        {
            Details = details.ToDictionary(d => d.Key, d => d.Value),
        }, cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
