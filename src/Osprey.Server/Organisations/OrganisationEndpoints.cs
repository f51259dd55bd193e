using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Keys;
using Osprey.Server.Storage;
using Osprey.Server.Usage;

namespace Osprey.Server.Organisations;

/// <summary>Applying, the organisation's own view, and the operator's vetting.</summary>
internal static class OrganisationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/organisations/applications", ApplyAsync).AllowAnonymous().RequireRateLimiting(RateLimiting.ApplicationsPolicy)
            .Accepts<OrganisationApplication>("application/json").Produces<IssuedKeyView>(201).WithSummary("Apply for access; returns the first org-admin key, usable once an operator activates the organisation.");
        api.MapGet("/organisation", OwnAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<OrganisationView>();

        var op = api.MapGroup("/operator/organisations").RequireAuthorization(AccessPolicies.Operator);
        op.MapGet("", ListAsync).Produces<OrganisationView[]>().WithSummary("All organisations; ?status=pending is the vetting queue.");
        op.MapGet("/{organisationId:guid}", GetAsync).Produces<OrganisationView>();
        op.MapPost("/{organisationId:guid}/vetting", VetAsync).Accepts<VettingDecision>("application/json").Produces<OrganisationView>();
        op.MapPut("/{organisationId:guid}/quotas", SetQuotasAsync).Accepts<QuotaChange>("application/json").Produces<OrganisationView>();
    }

    private static async Task<IResult> ApplyAsync(HttpContext http, ServerRuntime rt, KeyIssuer issuer, AuditLog audit)
    {
        var (application, error) = await ApiJson.ReadAsync<OrganisationApplication>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        if (Validate(application!) is { } invalid) return invalid;
        var o = rt.Options;
        var org = new OrganisationEntity
        {
            Id = Guid.NewGuid(),
            Name = application!.Name.Trim(),
            ContactEmail = application.ContactEmail.Trim(),
            Website = application.Website?.Trim(),
            Purpose = application.Purpose.Trim(),
            Status = OrganisationStatus.Pending,
            AppliedAt = rt.Now,
            ScansPerDay = o.DefaultScansPerDay,
            ConcurrentScans = o.DefaultConcurrentScans,
            MaxArchiveBytes = o.DefaultMaxArchiveBytes,
            RequestsPerMinute = o.DefaultRequestsPerMinute,
            ModelTokenBudget = o.DefaultModelTokenBudget,
        };
        var (key, secret) = issuer.Issue(org.Id, "first admin key", ApiKeyRole.OrgAdmin, exploitCleared: false, lifetime: null, createdBy: null);
        await using (var db = rt.CreateDb())
        {
            db.Organisations.Add(org);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        await audit.AppendAsync(new AuditEvent(AuditKinds.OrganisationApplied, null, org.Id, org.Name, ClientIdentity.Of(http).Address));
        await audit.AppendAsync(new AuditEvent(AuditKinds.KeyCreated, null, org.Id, key.Prefix) { Details = new Dictionary<string, string> { ["role"] = "org-admin" } });
        return TypedResults.Created($"/api/v1/organisation", new { organisation = OrganisationView.Of(org), key = new IssuedKeyView(KeyView.Of(key), secret) });
    }

    private static IResult? Validate(OrganisationApplication a)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > 200) problems.Add("name must be 1-200 characters");
        if (string.IsNullOrWhiteSpace(a.ContactEmail) || !a.ContactEmail.Contains('@', StringComparison.Ordinal) || a.ContactEmail.Length > 320) problems.Add("contactEmail must be an e-mail address");
        if (string.IsNullOrWhiteSpace(a.Purpose) || a.Purpose.Length > 4000) problems.Add("purpose must be 1-4000 characters");
        if (a.Website is { Length: > 500 }) problems.Add("website must be at most 500 characters");
        return problems.Count == 0 ? null
            : ApiProblem.Result(400, "invalid-application", "The application is incomplete.", "Fix: " + string.Join("; ", problems) + ".");
    }

    private static async Task<IResult> OwnAsync(HttpContext http, ServerRuntime rt)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var org = await db.Organisations.AsNoTracking().FirstAsync(x => x.Id == caller.OrganisationId, http.RequestAborted);
        return TypedResults.Ok(OrganisationView.Of(org));
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerRuntime rt, string? status)
    {
        await using var db = rt.CreateDb();
        var query = db.Organisations.AsNoTracking().Where(o => !o.IsOperator);
        if (status is not null)
        {
            if (!Enum.TryParse<OrganisationStatus>(status, ignoreCase: true, out var s))
                return ApiProblem.Result(400, "invalid-status", $"Unknown status '{status}'.", "Use pending, active, suspended, revoked or rejected.");
            query = query.Where(o => o.Status == s);
        }

        var orgs = await query.OrderBy(o => o.AppliedAt).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(orgs.Select(OrganisationView.Of).ToArray());
    }

    private static async Task<IResult> GetAsync(HttpContext http, ServerRuntime rt, Guid organisationId)
    {
        await using var db = rt.CreateDb();
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId && !o.IsOperator, http.RequestAborted);
        return org is null ? ApiProblem.NotFound("organisation") : TypedResults.Ok(OrganisationView.Of(org));
    }

    private static async Task<IResult> VetAsync(HttpContext http, ServerRuntime rt, AuditLog audit, Guid organisationId)
    {
        var (decision, error) = await ApiJson.ReadAsync<VettingDecision>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        if (string.IsNullOrWhiteSpace(decision!.Evidence) || string.IsNullOrWhiteSpace(decision.OperatorName))
            return ApiProblem.Result(400, "evidence-required", "A vetting decision needs evidence and the operator's name.", "Say who decided and on what evidence (documents checked, references, contract).");
        var result = await OrganisationVetting.DecideAsync(rt, audit, Caller.From(http.User)!, organisationId, decision, ClientIdentity.Of(http).Address, http.RequestAborted);
        return result.Organisation is { } org ? TypedResults.Ok(OrganisationView.Of(org)) : result.Error!;
    }

    private static async Task<IResult> SetQuotasAsync(HttpContext http, ServerRuntime rt, AuditLog audit, Guid organisationId)
    {
        var (change, error) = await ApiJson.ReadAsync<QuotaChange>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        if (change!.ScansPerDay < 0 || change.ConcurrentScans < 0 || change.MaxArchiveBytes < 1 || change.RequestsPerMinute < 1 || change.ModelTokenBudget < 0)
            return ApiProblem.Result(400, "invalid-quota", "Quotas must not be negative.", "Use 0 to forbid, positive values to allow; archive size and request rate must be at least 1.");
        await using var db = rt.CreateDb();
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId && !o.IsOperator, http.RequestAborted);
        if (org is null) return ApiProblem.NotFound("organisation");
        org.ScansPerDay = change.ScansPerDay ?? org.ScansPerDay;
        org.ConcurrentScans = change.ConcurrentScans ?? org.ConcurrentScans;
        org.MaxArchiveBytes = change.MaxArchiveBytes ?? org.MaxArchiveBytes;
        org.RequestsPerMinute = change.RequestsPerMinute ?? org.RequestsPerMinute;
        org.ModelTokenBudget = change.ModelTokenBudget ?? org.ModelTokenBudget;
        await db.SaveChangesAsync(http.RequestAborted);
        var caller = Caller.From(http.User)!;
        await audit.AppendAsync(new AuditEvent(AuditKinds.QuotaChanged, caller.KeyId, org.Id, org.Name, ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["quotas"] = System.Text.Json.JsonSerializer.Serialize(QuotaView.Of(org)) },
        });
        return TypedResults.Ok(OrganisationView.Of(org));
    }
}
