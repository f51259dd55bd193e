using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Organisations;

/// <summary>
/// The vetting state machine, shared by the API and the dashboard. Pending → active or rejected;
/// active ⇄ suspended; anything but rejected → revoked, which is final.
/// </summary>
internal static class OrganisationVetting
{
    public static async Task<(OrganisationEntity? Organisation, IResult? Error)> DecideAsync(
        ServerRuntime rt, AuditLog audit, Caller caller, Guid organisationId, VettingDecision decision, string? clientAddress, CancellationToken cancellationToken)
    {
        await using var db = rt.CreateDb();
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId && !o.IsOperator, cancellationToken);
        if (org is null) return (null, ApiProblem.NotFound("organisation"));
        var target = decision.Action switch
        {
            VettingAction.Activate => OrganisationStatus.Active,
            VettingAction.Suspend => OrganisationStatus.Suspended,
            VettingAction.Revoke => OrganisationStatus.Revoked,
            _ => OrganisationStatus.Rejected,
        };
        var allowed = (org.Status, target) switch
        {
            (OrganisationStatus.Pending, OrganisationStatus.Active or OrganisationStatus.Rejected or OrganisationStatus.Revoked) => true,
            (OrganisationStatus.Active, OrganisationStatus.Suspended or OrganisationStatus.Revoked) => true,
            (OrganisationStatus.Suspended, OrganisationStatus.Active or OrganisationStatus.Revoked) => true,
            _ => false,
        };
        if (!allowed)
        {
            return (null, ApiProblem.Result(409, "invalid-transition", $"An organisation that is {org.Status.ToString().ToLowerInvariant()} cannot be moved to {target.ToString().ToLowerInvariant()}.",
                "Pending → active/rejected/revoked; active → suspended/revoked; suspended → active/revoked. Revoked and rejected are final."));
        }

        var previous = org.Status;
        org.Status = target;
        org.VettedByKeyId = caller.KeyId;
        org.VettedBy = decision.OperatorName.Trim();
        org.VettedAt = rt.Now;
        org.VettingEvidence = decision.Evidence.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent(AuditKinds.OrganisationVetted, caller.KeyId, org.Id, org.Name, clientAddress)
        {
            Details = new Dictionary<string, string>
            {
                ["from"] = previous.ToString().ToLowerInvariant(),
                ["to"] = target.ToString().ToLowerInvariant(),
                ["by"] = org.VettedBy,
                ["evidence"] = org.VettingEvidence,
            },
        }, cancellationToken);
        return (org, null);
    }
}
