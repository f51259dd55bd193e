using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Usage;

namespace Osprey.Server.Disclosure;

/// <summary>
/// Disclosure cases over the API. Operators review: list, read, sign off, change the VEX state,
/// record outside facts, export (CSAF, OSV, the maintainer's bundle) and collect the outbox. An
/// organisation sees the state and timeline of the cases its scans opened, not the exports.
/// </summary>
internal static class DisclosureEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var op = api.MapGroup("/operator/disclosure").RequireAuthorization(AccessPolicies.Operator);
        op.MapGet("/cases", ListAsync).Produces<DisclosureCaseSummary[]>();
        op.MapGet("/cases/{caseId}", GetAsync).Produces<DisclosureCaseView>();
        op.MapPost("/cases/{caseId}/sign-off", SignOffAsync).Produces<DisclosureCaseView>()
            .WithSummary("A reviewer's sign-off {reviewer, note, maintainerChannel, …}; nothing is sent to a maintainer without one.");
        op.MapPost("/cases/{caseId}/status", StatusAsync).Produces<DisclosureCaseView>()
            .WithSummary("A VEX state change {status, actor, summary, justification?}; not_affected needs a justification.");
        op.MapPost("/cases/{caseId}/events", EventAsync).Produces<DisclosureCaseView>()
            .WithSummary("An outside fact {kind: maintainer-responded|extension-granted|fix-shipped|exploited-in-the-wild, actor, note, at?, fixedVersion?}.");
        op.MapGet("/cases/{caseId}/csaf", CsafAsync).WithSummary("The CSAF 2.0 advisory.");
        op.MapGet("/cases/{caseId}/osv", OsvAsync).WithSummary("The OSV record.");
        op.MapGet("/bundle", BundleAsync).WithSummary("The maintainer's report bundle (zip: README.md, report.md and replay artifact per case) for ?maintainer=<id>.");
        op.MapGet("/outbox", OutboxAsync).Produces<DisclosureOutboxView[]>().WithSummary("Messages waiting to be delivered (?all=true includes delivered ones).");
        op.MapGet("/outbox/{messageId:long}", OutboxMessageAsync).WithSummary("One message's body.");
        op.MapPost("/outbox/{messageId:long}/delivered", DeliveredAsync).WithSummary("Marks a message delivered.");
        api.MapGet("/disclosure/cases", OrganisationCasesAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<DisclosureCaseSummary[]>()
            .WithSummary("The disclosure cases opened by this organisation's scans of third-party projects.");
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerRuntime rt, DbDisclosureCaseStore store)
    {
        await using var db = rt.CreateDb();
        var rows = await db.DisclosureCases.AsNoTracking().OrderByDescending(c => c.OpenedAt).Take(1000).Select(c => c.CaseJson).ToListAsync(http.RequestAborted);
        var policy = rt.Options.Disclosure.ToPolicy();
        return TypedResults.Ok(rows.Select(r => DisclosureCaseSummary.Of(DisclosureCaseJson.Read(r), policy)).ToArray());
    }

    private static async Task<IResult> GetAsync(HttpContext http, ServerRuntime rt, DbDisclosureCaseStore store, string caseId)
    {
        var c = await store.FindAsync(caseId, http.RequestAborted);
        return c is null ? ApiProblem.NotFound("disclosure case") : TypedResults.Ok(DisclosureCaseView.Of(c, rt.Options.Disclosure.ToPolicy()));
    }

    private static async Task<IResult> SignOffAsync(HttpContext http, ServerRuntime rt, DisclosureOperations ops, string caseId)
    {
        var (request, error) = await ApiJson.ReadAsync<SignOffRequest>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        var (c, problem) = await ops.SignOffAsync(Caller.From(http.User)!, caseId, request!, ClientIdentity.Of(http).Address, http.RequestAborted);
        return c is null ? problem! : TypedResults.Ok(DisclosureCaseView.Of(c, rt.Options.Disclosure.ToPolicy()));
    }

    private static async Task<IResult> StatusAsync(HttpContext http, ServerRuntime rt, DisclosureOperations ops, string caseId)
    {
        var (request, error) = await ApiJson.ReadAsync<StatusChangeRequest>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        var (c, problem) = await ops.ChangeStatusAsync(Caller.From(http.User)!, caseId, request!, ClientIdentity.Of(http).Address, http.RequestAborted);
        return c is null ? problem! : TypedResults.Ok(DisclosureCaseView.Of(c, rt.Options.Disclosure.ToPolicy()));
    }

    private static async Task<IResult> EventAsync(HttpContext http, ServerRuntime rt, DisclosureOperations ops, string caseId)
    {
        var (request, error) = await ApiJson.ReadAsync<DisclosureEventRequest>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        var (c, problem) = await ops.RecordEventAsync(Caller.From(http.User)!, caseId, request!, ClientIdentity.Of(http).Address, http.RequestAborted);
        return c is null ? problem! : TypedResults.Ok(DisclosureCaseView.Of(c, rt.Options.Disclosure.ToPolicy()));
    }

    private static Task<IResult> CsafAsync(HttpContext http, ServerRuntime rt, DbDisclosureCaseStore store, DisclosureOperations ops, string caseId) =>
        ExportAsync(http, store, ops, caseId, "csaf", c => CsafAdvisoryExporter.ExportJson(c, rt.Options.Disclosure.ToPublisher(), rt.Now));

    private static Task<IResult> OsvAsync(HttpContext http, ServerRuntime rt, DbDisclosureCaseStore store, DisclosureOperations ops, string caseId) =>
        ExportAsync(http, store, ops, caseId, "osv", c => OsvRecordExporter.ExportJson(c, rt.Now));

    private static async Task<IResult> ExportAsync(HttpContext http, DbDisclosureCaseStore store, DisclosureOperations ops, string caseId, string format, Func<DisclosureCase, string> export)
    {
        var c = await store.FindAsync(caseId, http.RequestAborted);
        if (c is null) return ApiProblem.NotFound("disclosure case");
        var json = export(c);
        await ops.AuditAsync(AuditKinds.DisclosureExported, Caller.From(http.User)!, c, ClientIdentity.Of(http).Address, http.RequestAborted, ("format", format));
        return TypedResults.Text(json, "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> BundleAsync(HttpContext http, ServerRuntime rt, DbDisclosureCaseStore store, DisclosureOperations ops, string? maintainer)
    {
        if (string.IsNullOrWhiteSpace(maintainer))
            return ApiProblem.Result(400, "maintainer-required", "Name the maintainer.", "Pass ?maintainer=<maintainer id> as shown on the case.");
        var cases = (await store.ListByMaintainerAsync(maintainer, http.RequestAborted)).Where(c => c.SignOff is not null).ToList();
        if (cases.Count == 0)
            return ApiProblem.Result(404, "no-signed-off-cases", "This maintainer has no signed-off case.", "Only signed-off cases go into a maintainer's bundle; sign the case off first.");
        var bundle = MaintainerReportBundle.Build(cases[0].Maintainer, cases, rt.Options.Disclosure.ToPolicy(), rt.Now);
        foreach (var c in cases)
        {
            await ops.AuditAsync(AuditKinds.DisclosureExported, Caller.From(http.User)!, c, ClientIdentity.Of(http).Address, http.RequestAborted, ("format", "maintainer-bundle"));
        }

        return TypedResults.File(bundle, "application/zip", "osprey-disclosure-bundle.zip");
    }

    private static async Task<IResult> OutboxAsync(HttpContext http, ServerRuntime rt, bool? all)
    {
        await using var db = rt.CreateDb();
        var query = db.DisclosureOutbox.AsNoTracking();
        if (all != true) query = query.Where(o => o.DeliveredAt == null);
        var rows = await query.OrderBy(o => o.Id).Take(500)
            .Select(o => new DisclosureOutboxView(o.Id, o.CaseId, o.Action, o.At, o.Recipient, o.Subject, o.ContentType, o.Body.Length, o.DeliveredAt)).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows);
    }

    private static async Task<IResult> OutboxMessageAsync(HttpContext http, ServerRuntime rt, long messageId)
    {
        await using var db = rt.CreateDb();
        var message = await db.DisclosureOutbox.AsNoTracking().FirstOrDefaultAsync(o => o.Id == messageId, http.RequestAborted);
        return message is null ? ApiProblem.NotFound("outbox message") : TypedResults.File(message.Body, message.ContentType);
    }

    private static async Task<IResult> DeliveredAsync(HttpContext http, ServerRuntime rt, AuditLog audit, long messageId)
    {
        await using var db = rt.CreateDb();
        var message = await db.DisclosureOutbox.FirstOrDefaultAsync(o => o.Id == messageId, http.RequestAborted);
        if (message is null) return ApiProblem.NotFound("outbox message");
        message.DeliveredAt ??= rt.Now;
        await db.SaveChangesAsync(http.RequestAborted);
        var caller = Caller.From(http.User)!;
        await audit.AppendAsync(new AuditEvent(AuditKinds.DisclosureOutboxDelivered, caller.KeyId, null, message.CaseId, ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["message"] = message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["action"] = message.Action },
        });
        return TypedResults.Ok(new { message.Id, message.DeliveredAt });
    }

    private static async Task<IResult> OrganisationCasesAsync(HttpContext http, ServerRuntime rt)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var rows = await db.DisclosureCases.AsNoTracking().Where(c => c.OrganisationId == caller.OrganisationId).OrderByDescending(c => c.OpenedAt).Take(500)
            .Select(c => c.CaseJson).ToListAsync(http.RequestAborted);
        var policy = rt.Options.Disclosure.ToPolicy();
        return TypedResults.Ok(rows.Select(r => DisclosureCaseSummary.Of(DisclosureCaseJson.Read(r), policy)).ToArray());
    }
}
