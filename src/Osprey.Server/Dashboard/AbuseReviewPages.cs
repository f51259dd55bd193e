using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Abuse;
using Osprey.Server.Api;
using Osprey.Server.Hosting;
using Osprey.Server.Usage;
using static Osprey.Server.Dashboard.Html;

namespace Osprey.Server.Dashboard;

/// <summary>The operator review queue: each subject under an abuse action with its evidence, and approve/suspend buttons.</summary>
internal static class AbuseReviewPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var op = app.MapGroup("/dashboard/operator/abuse").ExcludeFromDescription().RequireAuthorization(AccessPolicies.Operator);
        op.MapGet("", QueueAsync);
        op.MapPost("/{caseId:guid}/decision", DecideAsync);
    }

    private static async Task<IResult> QueueAsync(HttpContext http, ServerRuntime rt, AbuseMonitorService monitor, IAntiforgery antiforgery, string? error)
    {
        await using var db = rt.CreateDb();
        var cases = await db.AbuseCases.AsNoTracking().OrderByDescending(c => c.UpdatedAt).Take(300).ToListAsync(http.RequestAborted);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, http.RequestAborted);
        var csrf = Csrf(antiforgery.GetAndStoreTokens(http));
        var last = monitor.LastRun is { } run ? $"Last run {run.At:u}: {run.Assessments} assessments, {run.Actions} actions, {run.Milliseconds:0} ms." : "The monitor has not run yet.";
        var body = new StringBuilder(error is null ? "" : $"<p class=\"bad\" id=\"error\">{E(error)}</p>");
        body.Append($"<p class=\"muted\" id=\"monitor\">{E(last)}</p><h2>Waiting for review</h2>");
        Table(body, cases.Where(c => c.Status is "open" or "suspended"), names, csrf, "queue");
        body.Append("<h2>Decided</h2>");
        Table(body, cases.Where(c => c.Status == "approved"), names, null, "decided");
        return Page("Abuse review", body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }

    private static void Table(StringBuilder body, IEnumerable<Storage.AbuseCaseEntity> cases, Dictionary<Guid, string> names, string? csrf, string id)
    {
        body.Append($"<table id=\"{id}\"><tr><th>Subject</th><th>Action</th><th>Risk</th><th>Evidence</th><th>{(csrf is null ? "Decision" : "Decide")}</th></tr>");
        foreach (var c in cases)
        {
            var view = AbuseCaseView.Of(c);
            var evidence = string.Concat(view.Evidence.Select(r => $"<li><strong>{E(r.Signal)}</strong> ({r.Score:0.00}): {E(r.Explanation)}</li>"));
            body.Append($"<tr data-case=\"{c.Id}\"><td>{E(c.SubjectKind)} <code>{E(c.SubjectId)}</code><br><span class=\"muted\">{E(names.GetValueOrDefault(c.OrganisationId))}</span></td>");
            body.Append($"<td class=\"status\">{E(c.Level)} · {E(c.Status)}<br><span class=\"muted\">since {E(c.OpenedAt.ToString("u"))}</span></td><td>{c.Score:0.00}</td><td><ul>{evidence}</ul></td><td>");
            if (csrf is null)
            {
                body.Append($"{E(c.DecidedBy)} {E(c.DecidedAt?.ToString("u"))}<br><span class=\"muted\">{E(c.DecisionNote)}</span>");
            }
            else
            {
                body.Append($"<form method=\"post\" action=\"/dashboard/operator/abuse/{c.Id}/decision\">{csrf}<input name=\"operatorName\" placeholder=\"your name\" required>"
                    + "<input name=\"note\" placeholder=\"why\" required><button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>"
                    + "<button type=\"submit\" name=\"decision\" value=\"suspend\">Suspend</button></form>");
            }

            body.Append("</td></tr>");
        }

        body.Append("</table>");
    }

    private static async Task<IResult> DecideAsync(HttpContext http, AbuseReview review, Guid caseId,
        [FromForm] string decision, [FromForm] string operatorName, [FromForm] string note)
    {
        var (_, error) = await review.DecideAsync(Caller.From(http.User)!, caseId, new AbuseDecisionRequest(decision, operatorName, note), ClientIdentity.Of(http).Address, http.RequestAborted);
        return TypedResults.Redirect("/dashboard/operator/abuse" + (error is null ? "" : "?error=" + Uri.EscapeDataString("The decision was refused.")));
    }
}
