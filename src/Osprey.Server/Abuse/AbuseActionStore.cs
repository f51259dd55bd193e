using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Abuse;

/// <summary>
/// The server's sink for the monitor's actions. Every assessment in the alert band is stored with
/// its reasons. The subject's review case is opened, or raised when the action is stronger than
/// the one in force; opening and raising are audited and change the subject's restrictions at once.
/// The same evidence on the next run only refreshes the case, and a subject an operator approved
/// stays quiet for one window unless the action it draws is stronger than the approved one.
/// </summary>
internal sealed class AbuseActionStore(ServerRuntime runtime, AuditLog audit, AbuseRestrictions restrictions) : IAbuseActionSink
{
    public async Task ApplyAsync(AbuseAction action, CancellationToken cancellationToken)
    {
        if (runtime.Options.Abuse.Effective(action.Kind, action.Score) is not { } kind) return;
        var level = AbuseLevels.Name(kind);
        var subjectKind = action.Subject.Kind == AbuseSubjectKind.Key ? "key" : "organisation";
        var org = Guid.Parse(action.Subject.OrgId);
        var reasons = JsonSerializer.Serialize(action.Evidence.Select(r => new AbuseReasonView(r.Signal, Math.Round(r.Score, 3), r.Explanation)));
        var signals = string.Join(", ", action.Evidence.Select(r => r.Signal).Distinct(StringComparer.Ordinal));
        var summary = string.Create(CultureInfo.InvariantCulture, $"{level}: {subjectKind} {action.Subject.Id} scored {action.Score:0.00} on {signals}.");
        await using var db = runtime.CreateDb();
        db.AbuseAssessments.Add(new AbuseAssessmentEntity
        {
            At = action.At, SubjectKind = subjectKind, SubjectId = action.Subject.Id, OrganisationId = org, Score = action.Score, Action = level, Summary = summary, ReasonsJson = reasons,
        });
        var current = await db.AbuseCases.Where(c => c.SubjectKind == subjectKind && c.SubjectId == action.Subject.Id)
            .OrderByDescending(c => c.OpenedAt).FirstOrDefaultAsync(cancellationToken);
        var raised = false;
        if (current is { Status: "open" or "suspended" })
        {
            current.Score = action.Score;
            current.EvidenceJson = reasons;
            current.UpdatedAt = action.At;
            if (AbuseLevels.Rank(level) > AbuseLevels.Rank(current.Level) && current.Status == "open")
            {
                current.Level = level;
                current.Summary = summary;
                raised = true;
            }
        }
        else if (current is { Status: "approved" } && current.QuietUntil > action.At && AbuseLevels.Rank(level) <= AbuseLevels.Rank(current.Level))
        {
            // Approved on this evidence: only stronger evidence re-opens it before the window has slid past.
        }
        else
        {
            db.AbuseCases.Add(new AbuseCaseEntity
            {
                Id = Guid.NewGuid(), SubjectKind = subjectKind, SubjectId = action.Subject.Id, OrganisationId = org, Level = level, Status = "open",
                Score = action.Score, Summary = summary, EvidenceJson = reasons, OpenedAt = action.At, UpdatedAt = action.At,
            });
            raised = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!raised) return;
        restrictions.Invalidate();
        await audit.AppendAsync(new AuditEvent(AuditKinds.AbuseAction, null, org, $"{subjectKind}:{action.Subject.Id}")
        {
            Details = new Dictionary<string, string>
            {
                ["action"] = level,
                ["score"] = action.Score.ToString("0.000", CultureInfo.InvariantCulture),
                ["signals"] = signals,
                ["evidence"] = string.Join(" | ", action.Evidence.Select(r => r.Explanation)),
            },
        }, cancellationToken);
    }
}

/// <summary>One fired signal as stored and shown: name, strength, the sentence that explains it.</summary>
internal sealed record AbuseReasonView(string Signal, double Score, string Explanation);

/// <summary>The wire names of the actions, mildest first.</summary>
internal static class AbuseLevels
{
    public const string Alert = "alert";
    public const string Throttle = "throttle";
    public const string RequireReview = "require-review";
    public const string Suspend = "suspend";

    public static string Name(AbuseActionKind kind) => kind switch
    {
        AbuseActionKind.Alert => Alert,
        AbuseActionKind.Throttle => Throttle,
        AbuseActionKind.RequireReview => RequireReview,
        _ => Suspend,
    };

    public static int Rank(string level) => level switch
    {
        Alert => 0,
        Throttle => 1,
        RequireReview => 2,
        _ => 3,
    };
}
