using System.Text;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Disclosure;

/// <summary>
/// Carries out scheduler actions by writing the message to the disclosure outbox (the server sends
/// no mail itself; an operator or mail relay collects the outbox over the API) and auditing it:
/// the report bundle to the maintainer, a reminder, the hand-over to the coordinator, the CSAF
/// advisory at publication and the OSV record with details at their release.
/// </summary>
internal sealed class OutboxDisclosureNotifier(ServerRuntime runtime, AuditLog audit) : IDisclosureNotifier
{
    public async Task NotifyAsync(DisclosureAction action, DisclosureCase @case, CancellationToken cancellationToken)
    {
        var now = runtime.Now;
        var options = runtime.Options.Disclosure;
        var policy = options.ToPolicy();
        var (recipient, subject, contentType, body) = action.Kind switch
        {
            DisclosureActionKind.SendReport => (@case.Maintainer.Channel, $"[{@case.Tlp.ToDisplayName()}] Security report {@case.Id}: {@case.Finding.Title}", "application/zip",
                MaintainerReportBundle.Build(@case.Maintainer, [@case], policy, now)),
            DisclosureActionKind.SendReminder => (@case.Maintainer.Channel, $"[{@case.Tlp.ToDisplayName()}] Reminder {@case.Id}: {action.Reason}", "text/markdown",
                Encoding.UTF8.GetBytes(MaintainerReportMarkdown.Render(@case, policy, now))),
            DisclosureActionKind.Escalate => (options.Coordinator, $"Coordination request {@case.Id}: {action.Reason}", "text/markdown",
                Encoding.UTF8.GetBytes(MaintainerReportMarkdown.Render(@case, policy, now))),
            DisclosureActionKind.Publish => ("advisory feed", $"Advisory {@case.Id} (CSAF 2.0)", "application/json",
                Encoding.UTF8.GetBytes(CsafAdvisoryExporter.ExportJson(@case.Record(action.ToEvent(now)), options.ToPublisher(), now))),
            _ => ("advisory feed", $"Technical details {@case.Id} (OSV)", "application/json",
                Encoding.UTF8.GetBytes(OsvRecordExporter.ExportJson(@case.Record(action.ToEvent(now)), now))),
        };
        await using (var db = runtime.CreateDb())
        {
            db.DisclosureOutbox.Add(new DisclosureOutboxEntity
            {
                CaseId = @case.Id, Action = action.Kind.ToString(), At = now, Recipient = recipient, Subject = subject, ContentType = contentType, Body = body,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.AppendAsync(new AuditEvent(AuditKinds.DisclosureActionTaken, null, Guid.TryParse(@case.OrganisationId, out var org) ? org : null, @case.Id)
        {
            Details = new Dictionary<string, string> { ["action"] = action.Kind.ToString(), ["recipient"] = recipient, ["reason"] = action.Reason },
        }, cancellationToken);
    }
}
