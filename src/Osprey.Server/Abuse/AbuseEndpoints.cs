using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Hosting;
using Osprey.Server.Usage;

namespace Osprey.Server.Abuse;

/// <summary>The operator's view of abuse detection: monitor status, assessments, the review queue and decisions.</summary>
internal static class AbuseEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var op = api.MapGroup("/operator/abuse").RequireAuthorization(AccessPolicies.Operator);
        op.MapGet("/status", Status).WithSummary("When the monitor last ran, and what it found.");
        op.MapGet("/assessments", AssessmentsAsync).Produces<AbuseAssessmentView[]>().WithSummary("Assessments in the alert band, newest first (?since=, ?subject=).");
        op.MapGet("/cases", CasesAsync).Produces<AbuseCaseView[]>().WithSummary("The review queue (?status=open|suspended|approved; default open and suspended).");
        op.MapPost("/cases/{caseId:guid}/decision", DecideAsync).Produces<AbuseCaseView>().WithSummary("{decision: approve|suspend, operatorName, note}.");
    }

    private static IResult Status(AbuseMonitorService monitor, ServerRuntime rt) =>
        TypedResults.Ok(new { enabled = rt.Options.Abuse.Interval is not null, now = rt.Now, lastRun = monitor.LastRun });

    private static async Task<IResult> AssessmentsAsync(HttpContext http, ServerRuntime rt, DateTimeOffset? since, string? subject)
    {
        await using var db = rt.CreateDb();
        var query = db.AbuseAssessments.AsNoTracking();
        if (since is { } s) query = query.Where(a => a.At >= s);
        if (!string.IsNullOrEmpty(subject)) query = query.Where(a => a.SubjectId == subject);
        var rows = await query.OrderByDescending(a => a.Id).Take(5000).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows.Select(AbuseAssessmentView.Of).ToArray());
    }

    private static async Task<IResult> CasesAsync(HttpContext http, ServerRuntime rt, string? status)
    {
        await using var db = rt.CreateDb();
        var query = db.AbuseCases.AsNoTracking();
        query = status is null ? query.Where(c => c.Status == "open" || c.Status == "suspended") : query.Where(c => c.Status == status);
        var rows = await query.OrderByDescending(c => c.UpdatedAt).Take(1000).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows.Select(AbuseCaseView.Of).ToArray());
    }

    private static async Task<IResult> DecideAsync(HttpContext http, ServerRuntime rt, AbuseReview review, Guid caseId)
    {
        var (request, error) = await ApiJson.ReadAsync<AbuseDecisionRequest>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        var (c, problem) = await review.DecideAsync(Caller.From(http.User)!, caseId, request!, ClientIdentity.Of(http).Address, http.RequestAborted);
        return c is null ? problem! : TypedResults.Ok(AbuseCaseView.Of(c));
    }
}
