using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Scans;
using Osprey.Server.Usage;
using static Osprey.Server.Dashboard.Html;

namespace Osprey.Server.Dashboard;

/// <summary>An organisation's pages: scans with a findings trend, a scan's findings, a finding with trace and proof.</summary>
internal static class OrganisationPages
{
    public static void Map(IEndpointRouteBuilder dashboard)
    {
        dashboard.MapGet("", HomeAsync).RequireAuthorization(AccessPolicies.OrgRead);
        dashboard.MapGet("/scans/{scanId:guid}", ScanAsync).RequireAuthorization(AccessPolicies.OrgRead);
        dashboard.MapGet("/findings/{findingId:guid}", FindingAsync).RequireAuthorization(AccessPolicies.OrgRead);
    }

    private static async Task<IResult> HomeAsync(HttpContext http, ServerRuntime rt, IAntiforgery antiforgery)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var org = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == caller.OrganisationId, http.RequestAborted);
        var scans = await db.ScanJobs.AsNoTracking().Where(j => j.OrganisationId == caller.OrganisationId).OrderByDescending(j => j.SubmittedAt).Take(100).ToListAsync(http.RequestAborted);
        var assets = await db.Assets.AsNoTracking().Where(a => a.OrganisationId == caller.OrganisationId).ToDictionaryAsync(a => a.Id, a => a.Name, http.RequestAborted);
        var body = new StringBuilder();
        body.Append($"<p>{E(org.Name)} · quota: {org.ScansPerDay} scans/day, {org.ConcurrentScans} at once, {org.ActiveScans} active now.</p>");
        body.Append("<h2>Trend</h2><table id=\"trend\"><tr><th>Scan</th><th>Findings</th><th>New</th><th>Fixed</th></tr>");
        var max = Math.Max(1, scans.Count == 0 ? 1 : scans.Max(s => s.FindingCount));
        foreach (var s in scans.Where(s => s.Status == Storage.ScanStatus.Succeeded).Take(20).Reverse())
        {
            body.Append($"<tr><td>{E(s.SubmittedAt.ToString("u"))} {E(s.Label)}</td><td><span class=\"bar\" style=\"width:{s.FindingCount * 200 / max}px\"></span> {s.FindingCount}</td><td>{s.NewCount}</td><td>{s.FixedCount}</td></tr>");
        }

        body.Append("</table><h2>Scans</h2><table id=\"scans\"><tr><th>Submitted</th><th>Asset</th><th>Label</th><th>Status</th><th>Findings</th></tr>");
        foreach (var s in scans)
        {
            var asset = s.AssetId is { } id && assets.TryGetValue(id, out var name) ? name : "";
            body.Append($"<tr><td><a href=\"/dashboard/scans/{s.Id}\">{E(s.SubmittedAt.ToString("u"))}</a></td><td>{E(asset)}</td><td>{E(s.Label)}</td><td>{E(s.Status.ToString().ToLowerInvariant())} {E(s.FailureReason)}</td><td>{s.FindingCount}</td></tr>");
        }

        body.Append("</table>");
        return Page("Scans", body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }

    private static async Task<IResult> ScanAsync(HttpContext http, ServerRuntime rt, IAntiforgery antiforgery, Guid scanId)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var scan = await db.ScanJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == scanId && j.OrganisationId == caller.OrganisationId, http.RequestAborted);
        if (scan is null) return Page("Not found", "<p>No such scan.</p>", DashboardEndpoints.Nav(http, antiforgery));
        var findings = await db.Findings.AsNoTracking().Where(f => f.ScanId == scanId && f.OrganisationId == caller.OrganisationId).OrderBy(f => f.FilePath).ThenBy(f => f.Line).ToListAsync(http.RequestAborted);
        var body = new StringBuilder($"<p>Status {E(scan.Status.ToString().ToLowerInvariant())}, {scan.FileCount} files, {scan.FindingCount} findings ({scan.NewCount} new, {scan.FixedCount} fixed), threat models <span id=\"threat-models\">{E(string.Join(", ", ScanThreatModels.Parse(scan.ThreatModels)))}</span>.</p>");
        body.Append("<table id=\"findings\"><tr><th>Severity</th><th>Finding</th><th>Where</th><th>Tracking</th><th>Verification</th></tr>");
        foreach (var f in findings)
        {
            body.Append($"<tr><td>{E(f.Severity)}</td><td><a href=\"/dashboard/findings/{f.Id}\">{E(f.Title)}</a> <span class=\"muted\">{E(f.RuleId)}</span></td><td>{E(f.FilePath)}:{f.Line}</td><td>{E(FindingSummary.TrackingName(f.Tracking))}</td><td>{E(f.VerificationStatus)}</td></tr>");
        }

        body.Append("</table>");
        return Page($"Scan {scan.Label ?? scan.Id.ToString()}", body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }

    private static async Task<IResult> FindingAsync(HttpContext http, ServerRuntime rt, AuditLog audit, IAntiforgery antiforgery, Guid findingId)
    {
        var caller = Caller.From(http.User)!;
        var (detail, _) = await FindingEndpoints.ReadAsync(rt, audit, caller, findingId, ClientIdentity.Of(http).Address, http.RequestAborted);
        if (detail is null) return Page("Not found", "<p>No such finding.</p>", DashboardEndpoints.Nav(http, antiforgery));
        var f = detail.Finding;
        var body = new StringBuilder($"<p><strong>{E(f.Severity)}</strong> · {E(f.RuleId)} · {E(f.File)}:{f.Line} · {E(f.Tracking)} · fingerprint <code>{E(f.Fingerprint)}</code></p>");
        body.Append($"<p id=\"message\">{E(detail.Message)}</p><h2>Trace</h2><ol id=\"trace\">");
        foreach (var step in detail.Trace)
        {
            body.Append($"<li><strong>{E(step.Kind)}</strong> {E(step.File)}:{step.Line} — {E(step.Description)}<pre>{E(step.Snippet)}</pre></li>");
        }

        body.Append("</ol><h2>Proof</h2>");
        if (detail.Proof is { } p)
        {
            body.Append($"<div id=\"proof\"><p>Entry point: {E(p.EntryPoint)}{(p.Redacted ? " <span class=\"bad\">(redacted: requires the exploit-cleared grant)</span>" : "")}</p>");
            body.Append($"<p>Payload:</p><pre id=\"payload\">{E(p.Payload)}</pre><p>Observed:</p><pre>{E(p.Observed)}</pre><p>{E(p.Explanation)}</p>");
            if (p.Replay is not null) body.Append($"<p>Replay ({E(p.ReplayKind)}):</p><pre>{E(p.Replay)}</pre>");
            body.Append("</div>");
        }
        else
        {
            body.Append("<p class=\"muted\">No proof.</p>");
        }

        return Page(f.Title, body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }
}
