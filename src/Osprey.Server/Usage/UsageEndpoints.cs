using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Usage;

/// <summary>A usage record as served.</summary>
internal sealed record UsageView(long Id, DateTimeOffset At, string Kind, Guid? KeyId, Guid? OrganisationId, string Method, string Endpoint, string? ResourceId,
    int StatusCode, long RequestBytes, long ResponseBytes, double DurationMs, string? ClientAddress, string? ClientFingerprint)
{
    public static UsageView Of(UsageRecordEntity u) => new(u.Id, u.At, u.Kind, u.KeyId, u.OrganisationId, u.Method, u.Endpoint, u.ResourceId,
        u.StatusCode, u.RequestBytes, u.ResponseBytes, u.DurationMs, u.ClientAddress, u.ClientFingerprint);
}

/// <summary>Usage for an organisation's admin (its own) and for the operator (everyone's).</summary>
internal static class UsageEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/usage", OwnAsync).RequireAuthorization(AccessPolicies.OrgAdmin).Produces<UsageView[]>().WithSummary("The organisation's most recent usage records (?limit=, at most 1000).");
        api.MapGet("/operator/usage", AllAsync).RequireAuthorization(AccessPolicies.Operator).Produces<UsageView[]>().WithSummary("Usage of all organisations (?organisationId=, ?limit=).");
    }

    private static async Task<IResult> OwnAsync(HttpContext http, ServerRuntime rt, int? limit)
    {
        var caller = Caller.From(http.User)!;
        return await QueryAsync(http, rt, caller.OrganisationId, limit);
    }

    private static async Task<IResult> AllAsync(HttpContext http, ServerRuntime rt, AuditLog audit, Guid? organisationId, int? limit)
    {
        var caller = Caller.From(http.User)!;
        await audit.AppendAsync(new AuditEvent(AuditKinds.UsageRead, caller.KeyId, organisationId, organisationId?.ToString() ?? "all", ClientIdentity.Of(http).Address));
        return await QueryAsync(http, rt, organisationId, limit);
    }

    private static async Task<IResult> QueryAsync(HttpContext http, ServerRuntime rt, Guid? organisationId, int? limit)
    {
        if (limit is < 1 or > 1000) return ApiProblem.Result(400, "invalid-limit", "limit must be between 1 and 1000.", "Page with smaller limits.");
        await using var db = rt.CreateDb();
        var query = db.UsageRecords.AsNoTracking();
        if (organisationId is not null) query = query.Where(u => u.OrganisationId == organisationId);
        var records = await query.OrderByDescending(u => u.Id).Take(limit ?? 200).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(records.Select(UsageView.Of).ToArray());
    }
}
