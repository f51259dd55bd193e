using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Organisations;
using Osprey.Server.Storage;
using Osprey.Server.Usage;
using static Osprey.Server.Dashboard.Html;

namespace Osprey.Server.Dashboard;

/// <summary>The operator's pages: vetting queue and organisations, usage, audit verification.</summary>
internal static class OperatorPages
{
    public static void Map(IEndpointRouteBuilder dashboard)
    {
        var op = dashboard.MapGroup("/operator").RequireAuthorization(AccessPolicies.Operator);
        op.MapGet("", VettingAsync);
        op.MapPost("/organisations/{organisationId:guid}/vetting", DecideAsync);
        op.MapGet("/usage", UsageAsync);
        op.MapGet("/audit", AuditAsync);
    }

    private static async Task<IResult> VettingAsync(HttpContext http, ServerRuntime rt, IAntiforgery antiforgery, string? error)
    {
        await using var db = rt.CreateDb();
        var orgs = await db.Organisations.AsNoTracking().Where(o => !o.IsOperator).OrderBy(o => o.AppliedAt).ToListAsync(http.RequestAborted);
        var csrf = Csrf(antiforgery.GetAndStoreTokens(http));
        var body = new StringBuilder(error is null ? "" : $"<p class=\"bad\">{E(error)}</p>");
        body.Append("<h2>Vetting queue</h2><table id=\"queue\"><tr><th>Applied</th><th>Organisation</th><th>Contact</th><th>Purpose</th><th>Decision</th></tr>");
        foreach (var o in orgs.Where(o => o.Status == OrganisationStatus.Pending))
        {
            body.Append($"<tr data-org=\"{o.Id}\"><td>{E(o.AppliedAt.ToString("u"))}</td><td>{E(o.Name)}<br><span class=\"muted\">{E(o.Website)}</span></td><td>{E(o.ContactEmail)}</td><td>{E(o.Purpose)}</td><td>{DecisionForm(o, csrf, "activate", "reject")}</td></tr>");
        }

        body.Append("</table><h2>Organisations</h2><table id=\"organisations\"><tr><th>Organisation</th><th>Status</th><th>Vetted</th><th>Quota</th><th>Change</th></tr>");
        foreach (var o in orgs.Where(o => o.Status != OrganisationStatus.Pending))
        {
            var actions = o.Status switch
            {
                OrganisationStatus.Active => new[] { "suspend", "revoke" },
                OrganisationStatus.Suspended => ["activate", "revoke"],
                _ => [],
            };
            body.Append($"<tr data-org=\"{o.Id}\"><td>{E(o.Name)}</td><td class=\"status\">{E(o.Status.ToString().ToLowerInvariant())}</td><td>{E(o.VettedBy)} {E(o.VettedAt?.ToString("u"))}<br><span class=\"muted\">{E(o.VettingEvidence)}</span></td>");
            body.Append($"<td>{o.ScansPerDay}/day, {o.ConcurrentScans} at once, {o.RequestsPerMinute} req/min</td><td>{(actions.Length == 0 ? "" : DecisionForm(o, csrf, actions))}</td></tr>");
        }

        body.Append("</table>");
        return Page("Vetting", body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }

    private static string DecisionForm(OrganisationEntity o, string csrf, params string[] actions)
    {
        var options = string.Concat(actions.Select(a => $"<option value=\"{a}\">{a}</option>"));
        return $"<form method=\"post\" action=\"/dashboard/operator/organisations/{o.Id}/vetting\">{csrf}<select name=\"action\">{options}</select>"
            + "<input name=\"operatorName\" placeholder=\"your name\" required><input name=\"evidence\" placeholder=\"evidence\" required size=\"30\"><button type=\"submit\">Decide</button></form>";
    }

    private static async Task<IResult> DecideAsync(HttpContext http, ServerRuntime rt, AuditLog audit, Guid organisationId,
        [FromForm] string action, [FromForm] string operatorName, [FromForm] string evidence)
    {
        if (!Enum.TryParse<VettingAction>(action, ignoreCase: true, out var parsed) || string.IsNullOrWhiteSpace(operatorName) || string.IsNullOrWhiteSpace(evidence))
        {
            return TypedResults.Redirect("/dashboard/operator?error=" + Uri.EscapeDataString("A decision needs an action, your name and the evidence."));
        }

        var (_, error) = await OrganisationVetting.DecideAsync(rt, audit, Caller.From(http.User)!, organisationId, new VettingDecision(parsed, evidence, operatorName),
            ClientIdentity.Of(http).Address, http.RequestAborted);
        return TypedResults.Redirect(error is null ? "/dashboard/operator" : "/dashboard/operator?error=" + Uri.EscapeDataString("The decision was refused: it is not a valid transition."));
    }

    private static async Task<IResult> UsageAsync(HttpContext http, ServerRuntime rt, IAntiforgery antiforgery)
    {
        await using var db = rt.CreateDb();
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, http.RequestAborted);
        var since = rt.Now.AddDays(-1);
        var perOrg = await db.UsageRecords.AsNoTracking().Where(u => u.At >= since && u.OrganisationId != null)
            .GroupBy(u => u.OrganisationId).Select(g => new { g.Key, Requests = g.Count(), Bytes = g.Sum(u => u.ResponseBytes) }).ToListAsync(http.RequestAborted);
        var recent = await db.UsageRecords.AsNoTracking().OrderByDescending(u => u.Id).Take(100).ToListAsync(http.RequestAborted);
        var body = new StringBuilder("<h2>Last 24 hours</h2><table id=\"usage-summary\"><tr><th>Organisation</th><th>Requests</th><th>Response bytes</th></tr>");
        foreach (var row in perOrg.OrderByDescending(r => r.Requests))
        {
            body.Append($"<tr><td>{E(names.GetValueOrDefault(row.Key!.Value))}</td><td>{row.Requests}</td><td>{row.Bytes}</td></tr>");
        }

        body.Append("</table><h2>Recent requests</h2><table id=\"usage\"><tr><th>At</th><th>Organisation</th><th>Request</th><th>Status</th><th>Bytes in/out</th><th>ms</th><th>Client</th></tr>");
        foreach (var u in recent)
        {
            var org = u.OrganisationId is { } id ? names.GetValueOrDefault(id) : "";
            body.Append($"<tr><td>{E(u.At.ToString("u"))}</td><td>{E(org)}</td><td>{E(u.Method)} {E(u.Endpoint)}</td><td>{u.StatusCode}</td><td>{u.RequestBytes}/{u.ResponseBytes}</td><td>{u.DurationMs:F1}</td><td>{E(u.ClientAddress)} {E(u.ClientFingerprint)}</td></tr>");
        }

        body.Append("</table>");
        return Page("Usage", body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }

    private static async Task<IResult> AuditAsync(HttpContext http, ServerRuntime rt, IAntiforgery antiforgery)
    {
        await using var db = rt.CreateDb();
        var report = await AuditVerification.RunAsync(db, rt.Secrets.SigningKey, http.RequestAborted);
        var body = new StringBuilder(report.IsIntact
            ? $"<p class=\"ok\" id=\"audit-status\">Intact: {report.RecordCount} records, {report.CheckpointCount} signed checkpoints.</p>"
            : $"<p class=\"bad\" id=\"audit-status\">Tampered: {report.Problems.Count} problem(s).</p>");
        body.Append($"<p>Root <code>{E(report.RootHash)}</code></p><table id=\"audit-problems\"><tr><th>Record</th><th>Problem</th><th>Detail</th></tr>");
        foreach (var p in report.Problems)
        {
            body.Append($"<tr><td>{p.Sequence}</td><td>{E(p.Kind.ToString())}</td><td>{E(p.Detail)}</td></tr>");
        }

        body.Append("</table><p><a href=\"/api/v1/operator/audit/checkpoints/export\">Checkpoint export (API key needed)</a></p>");
        return Page("Audit log", body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }
}
