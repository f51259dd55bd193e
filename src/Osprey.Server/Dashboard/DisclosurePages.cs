using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Disclosure;
using Osprey.Server.Hosting;
using Osprey.Server.Usage;
using static Osprey.Server.Dashboard.Html;

namespace Osprey.Server.Dashboard;

/// <summary>
/// The operator's disclosure pages: the cases, and each case with its timeline (computed deadlines
/// and recorded events), its VEX revision history, and forms to sign off, change the state and
/// record outside facts.
/// </summary>
internal static class DisclosurePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var op = app.MapGroup("/dashboard/operator/disclosure").ExcludeFromDescription().RequireAuthorization(AccessPolicies.Operator);
        op.MapGet("", ListAsync);
        op.MapGet("/{caseId}", CaseAsync);
        op.MapPost("/{caseId}/sign-off", SignOffAsync);
        op.MapPost("/{caseId}/status", StatusAsync);
        op.MapPost("/{caseId}/events", EventAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerRuntime rt, IAntiforgery antiforgery)
    {
        await using var db = rt.CreateDb();
        var rows = await db.DisclosureCases.AsNoTracking().OrderByDescending(c => c.OpenedAt).Take(500).Select(c => c.CaseJson).ToListAsync(http.RequestAborted);
        var policy = rt.Options.Disclosure.ToPolicy();
        var body = new StringBuilder("<table id=\"cases\"><tr><th>Case</th><th>Product</th><th>Finding</th><th>State</th><th>Maintainer</th><th>Sign-off</th><th>Publication</th></tr>");
        foreach (var c in rows.Select(r => DisclosureCaseSummary.Of(DisclosureCaseJson.Read(r), policy)))
        {
            body.Append($"<tr data-case=\"{E(c.Id)}\"><td><a href=\"/dashboard/operator/disclosure/{E(c.Id)}\">{E(c.Id)}</a></td><td>{E(c.Product)}</td><td>{E(c.Title)} <span class=\"muted\">{E(c.Severity)}</span></td>");
            body.Append($"<td class=\"status\">{E(c.Status)}</td><td>{E(c.Maintainer)}</td><td>{(c.SignedOff ? "<span class=\"ok\">signed off</span>" : "<span class=\"bad\">awaiting review</span>")}</td><td>{E(c.Publication?.ToString("yyyy-MM-dd"))}</td></tr>");
        }

        body.Append("</table>");
        return Page("Disclosure cases", body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }

    private static async Task<IResult> CaseAsync(HttpContext http, ServerRuntime rt, DbDisclosureCaseStore store, IAntiforgery antiforgery, string caseId, string? error)
    {
        var found = await store.FindAsync(caseId, http.RequestAborted);
        if (found is null) return Page("No such case", "<p>No such disclosure case.</p>", DashboardEndpoints.Nav(http, antiforgery));
        var c = DisclosureCaseView.Of(found, rt.Options.Disclosure.ToPolicy());
        var csrf = Csrf(antiforgery.GetAndStoreTokens(http));
        var action = $"/dashboard/operator/disclosure/{E(c.Case.Id)}";
        var body = new StringBuilder(error is null ? "" : $"<p class=\"bad\" id=\"error\">{E(error)}</p>");
        body.Append($"<p class=\"muted\">{E(c.Label)}</p><table id=\"case\"><tr><th>Product</th><td>{E(c.Asset.Name)} ({E(c.Asset.Vendor)}) {E(c.Asset.RepositoryUrl)}</td></tr>");
        body.Append($"<tr><th>Finding</th><td>{E(c.Case.Title)} · {E(c.RuleId)} · {E(c.File)}:{c.Line} · {E(c.Case.Severity)}</td></tr>");
        body.Append($"<tr><th>State</th><td id=\"state\">{E(c.Case.Status)} {E(c.Justification)}</td></tr><tr><th>Embargo</th><td>{E(c.Tlp)} {E(c.Cvss3Vector)}</td></tr>");
        body.Append($"<tr><th>Maintainer</th><td>{E(c.Maintainer.Name)} · {E(c.Maintainer.Channel)} <span class=\"muted\">({E(c.Maintainer.Id)})</span></td></tr>");
        body.Append($"<tr><th>Sign-off</th><td id=\"sign-off\">{(c.SignOff is { } s ? $"{E(s.Reviewer)} at {E(s.At.ToString("u"))}: {E(s.Note)}" : "<span class=\"bad\">not signed off: nothing is sent</span>")}</td></tr></table>");

        body.Append("<h2>Timeline</h2><table id=\"timeline\"><tr><th>When</th><th>What</th><th>Who</th><th>Note</th></tr>");
        var d = c.Deadlines;
        var lines = c.Events.Select(e => (e.At, What: e.Kind, Who: e.Actor, Note: e.Note, Done: true)).ToList();
        if (d.Publication is { } p) lines.Add((p, "Publication due", "policy", d.PublicationRule, false));
        if (d.Escalation is { } esc) lines.Add((esc, "Escalation due", "policy", "if the maintainer has not responded", false));
        if (d.DetailsRelease is { } rel) lines.Add((rel, "Details release due", "policy", "trace, proof and replay artifact", false));
        lines.AddRange(d.Reminders.Select(r => (r.At, "Reminder due", "policy", r.Key, false)));
        foreach (var l in lines.OrderBy(l => l.At))
        {
            body.Append($"<tr class=\"{(l.Done ? "event" : "deadline")}\"><td>{E(l.At.ToString("yyyy-MM-dd HH:mm"))}</td><td>{E(l.What)}</td><td>{E(l.Who)}</td><td>{E(l.Note)}</td></tr>");
        }

        body.Append("</table><h2>Revisions (VEX)</h2><table id=\"revisions\"><tr><th>#</th><th>When</th><th>State</th><th>Who</th><th>Why</th></tr>");
        foreach (var r in c.Revisions)
        {
            body.Append($"<tr><td>{r.Number}</td><td>{E(r.At.ToString("u"))}</td><td>{E(r.Status)} {E(r.Justification)}</td><td>{E(r.Actor)}</td><td>{E(r.Summary)}</td></tr>");
        }

        body.Append("</table><h2>Review</h2>");
        body.Append($"<form method=\"post\" action=\"{action}/sign-off\" id=\"sign-off-form\">{csrf}<input name=\"reviewer\" placeholder=\"your name\" required><input name=\"note\" placeholder=\"what you checked\" required size=\"30\">"
            + $"<input name=\"maintainerChannel\" placeholder=\"maintainer security contact\" size=\"30\" value=\"{(c.Maintainer.Channel == MaintainerChannel.Unset ? "" : E(c.Maintainer.Channel))}\"><button type=\"submit\">Sign off</button></form>");
        var states = string.Concat(DisclosureNames.StatusNames.Select(s => $"<option value=\"{s}\">{s}</option>"));
        var justifications = "<option value=\"\">(justification)</option>" + string.Concat(DisclosureNames.JustificationNames.Select(s => $"<option value=\"{s}\">{s}</option>"));
        body.Append($"<form method=\"post\" action=\"{action}/status\" id=\"status-form\">{csrf}<select name=\"status\">{states}</select><select name=\"justification\">{justifications}</select>"
            + "<input name=\"actor\" placeholder=\"your name\" required><input name=\"summary\" placeholder=\"why\" required size=\"30\"><button type=\"submit\">Change state</button></form>");
        var kinds = string.Concat(new[] { "maintainer-responded", "extension-granted", "fix-shipped", "exploited-in-the-wild" }.Select(k => $"<option value=\"{k}\">{k}</option>"));
        body.Append($"<form method=\"post\" action=\"{action}/events\" id=\"event-form\">{csrf}<select name=\"kind\">{kinds}</select><input name=\"actor\" placeholder=\"your name\" required>"
            + "<input name=\"note\" placeholder=\"note\" size=\"30\"><input name=\"fixedVersion\" placeholder=\"fixed version\"><button type=\"submit\">Record</button></form>");
        body.Append($"<p><a href=\"/api/v1/operator/disclosure/cases/{E(c.Case.Id)}/csaf\">CSAF</a> · <a href=\"/api/v1/operator/disclosure/cases/{E(c.Case.Id)}/osv\">OSV</a> (API key needed)</p>");
        return Page($"Case {c.Case.Id}", body.ToString(), DashboardEndpoints.Nav(http, antiforgery));
    }

    private static async Task<IResult> SignOffAsync(HttpContext http, DisclosureOperations ops, string caseId,
        [FromForm] string reviewer, [FromForm] string note, [FromForm] string? maintainerChannel) =>
        Back(caseId, (await ops.SignOffAsync(Caller.From(http.User)!, caseId, new SignOffRequest(reviewer, note, MaintainerChannel: maintainerChannel), ClientIdentity.Of(http).Address, http.RequestAborted)).Error);

    private static async Task<IResult> StatusAsync(HttpContext http, DisclosureOperations ops, string caseId,
        [FromForm] string status, [FromForm] string? justification, [FromForm] string actor, [FromForm] string summary) =>
        Back(caseId, (await ops.ChangeStatusAsync(Caller.From(http.User)!, caseId, new StatusChangeRequest(status, actor, summary, string.IsNullOrEmpty(justification) ? null : justification),
            ClientIdentity.Of(http).Address, http.RequestAborted)).Error);

    private static async Task<IResult> EventAsync(HttpContext http, DisclosureOperations ops, string caseId,
        [FromForm] string kind, [FromForm] string actor, [FromForm] string? note, [FromForm] string? fixedVersion) =>
        Back(caseId, (await ops.RecordEventAsync(Caller.From(http.User)!, caseId, new DisclosureEventRequest(kind, actor, note ?? "", FixedVersion: fixedVersion),
            ClientIdentity.Of(http).Address, http.RequestAborted)).Error);

    private static IResult Back(string caseId, IResult? error) => TypedResults.Redirect($"/dashboard/operator/disclosure/{Uri.EscapeDataString(caseId)}"
        + (error is null ? "" : "?error=" + Uri.EscapeDataString(ErrorText(error))));

    /// <summary>The problem's title for the page (the form's error line).</summary>
    private static string ErrorText(IResult error) =>
        error is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem ? problem.ProblemDetails.Title + " " + problem.ProblemDetails.Detail : "The change was refused.";
}
