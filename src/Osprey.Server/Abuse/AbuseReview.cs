using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Abuse;

/// <summary>An operator's decision on a review case: <c>approve</c> (lift) or <c>suspend</c> (confirm the suspension).</summary>
internal sealed record AbuseDecisionRequest(string Decision, string OperatorName, string Note);

/// <summary>A review case as the API shows it.</summary>
internal sealed record AbuseCaseView(Guid Id, string SubjectKind, string SubjectId, Guid OrganisationId, string Level, string Status, double Score, string Summary,
    IReadOnlyList<AbuseReasonView> Evidence, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote)
{
    public static AbuseCaseView Of(AbuseCaseEntity c) => new(c.Id, c.SubjectKind, c.SubjectId, c.OrganisationId, c.Level, c.Status, c.Score, c.Summary,
        JsonSerializer.Deserialize<AbuseReasonView[]>(c.EvidenceJson, ApiJson.Options) ?? [], c.OpenedAt, c.UpdatedAt, c.DecidedBy, c.DecidedAt, c.DecisionNote);
}

/// <summary>An assessment as the API shows it.</summary>
internal sealed record AbuseAssessmentView(long Id, DateTimeOffset At, string SubjectKind, string SubjectId, Guid OrganisationId, double Score, string Action, string Summary, IReadOnlyList<AbuseReasonView> Reasons)
{
    public static AbuseAssessmentView Of(AbuseAssessmentEntity a) => new(a.Id, a.At, a.SubjectKind, a.SubjectId, a.OrganisationId, a.Score, a.Action, a.Summary,
        JsonSerializer.Deserialize<AbuseReasonView[]>(a.ReasonsJson, ApiJson.Options) ?? []);
}

/// <summary>
/// Operator decisions on the review queue, shared by the API and the dashboard. Approving lifts the
/// restriction and keeps the same evidence from re-opening the case for one window; suspending
/// keeps the subject suspended until a later approval. Both are audited with the operator's name.
/// </summary>
internal sealed class AbuseReview(ServerRuntime runtime, AuditLog audit, AbuseRestrictions restrictions)
{
    public async Task<(AbuseCaseEntity? Case, IResult? Error)> DecideAsync(Caller caller, Guid caseId, AbuseDecisionRequest request, string? client, CancellationToken cancellationToken)
    {
        if (request.Decision is not ("approve" or "suspend"))
            return (null, ApiProblem.Result(400, "invalid-decision", $"'{request.Decision}' is not a decision.", "Use approve (lift the restriction) or suspend."));
        if (string.IsNullOrWhiteSpace(request.OperatorName) || string.IsNullOrWhiteSpace(request.Note))
            return (null, ApiProblem.Result(400, "decision-incomplete", "A decision needs the operator's name and a note.", "Say who decided and why (what the evidence shows)."));
        await using var db = runtime.CreateDb();
        var c = await db.AbuseCases.FirstOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (c is null) return (null, ApiProblem.NotFound("abuse review case"));
        if (c.Status == "approved")
            return (null, ApiProblem.Result(409, "already-approved", "This case was approved and is closed.", "A new assessment opens a new case."));
        var now = runtime.Now;
        c.Status = request.Decision == "approve" ? "approved" : "suspended";
        c.DecidedBy = request.OperatorName.Trim();
        c.DecidedAt = now;
        c.DecisionNote = request.Note.Trim();
        c.QuietUntil = request.Decision == "approve" ? now + runtime.Options.Abuse.Window : null;
        c.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        restrictions.Invalidate();
        await audit.AppendAsync(new AuditEvent(AuditKinds.AbuseDecision, caller.KeyId, c.OrganisationId, $"{c.SubjectKind}:{c.SubjectId}", client)
        {
            Details = new Dictionary<string, string> { ["decision"] = request.Decision, ["operator"] = c.DecidedBy, ["note"] = c.DecisionNote, ["case"] = c.Id.ToString(), ["level"] = c.Level },
        }, cancellationToken);
        return (c, null);
    }
}
