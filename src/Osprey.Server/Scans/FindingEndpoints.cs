using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;
using Osprey.Server.Usage;
using Osprey.Server.Watermarking;

namespace Osprey.Server.Scans;

/// <summary>Reading one finding (audited) and exporting an asset's current findings (audited); the prose carries the reading organisation's output fingerprint.</summary>
internal static class FindingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/findings/{findingId:guid}", GetAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<FindingDetail>()
            .WithSummary("A finding with its trace and proof; proofs are redacted without the exploit-cleared grant.");
        api.MapGet("/assets/{assetId:guid}/findings/export", ExportAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<FindingDetail[]>()
            .WithSummary("The findings of the asset's latest successful scan, with traces and (redaction permitting) proofs.");
    }

    private static async Task<IResult> GetAsync(HttpContext http, ServerRuntime rt, AuditLog audit, Guid findingId)
    {
        var caller = Caller.From(http.User)!;
        var (detail, error) = await ReadAsync(rt, audit, caller, findingId, ClientIdentity.Of(http).Address, http.RequestAborted);
        return detail is null ? error! : TypedResults.Ok(detail);
    }

    /// <summary>Shared with the dashboard: loads, redacts and audits one finding read.</summary>
    public static async Task<(FindingDetail? Detail, IResult? Error)> ReadAsync(ServerRuntime rt, AuditLog audit, Caller caller, Guid findingId, string? client, CancellationToken cancellationToken)
    {
        await using var db = rt.CreateDb();
        var finding = await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId && f.OrganisationId == caller.OrganisationId, cancellationToken);
        if (finding is null) return (null, ApiProblem.NotFound("finding"));
        var detail = new OrganisationFingerprints(rt).Mark(caller.OrganisationId, FindingDetail.Of(finding, caller.ExploitCleared));
        var proofShown = detail.Proof is { Redacted: false };
        await audit.AppendAsync(new AuditEvent(proofShown ? AuditKinds.ProofRead : AuditKinds.FindingRead, caller.KeyId, caller.OrganisationId, finding.Id.ToString(), client)
        {
            Details = new Dictionary<string, string> { ["fingerprint"] = finding.Fingerprint, ["rule"] = finding.RuleId },
        }, cancellationToken);
        return (detail, null);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ServerRuntime rt, AuditLog audit, Guid assetId)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        if (!await db.Assets.AnyAsync(a => a.Id == assetId && a.OrganisationId == caller.OrganisationId, http.RequestAborted)) return ApiProblem.NotFound("asset");
        var latest = await db.ScanJobs.AsNoTracking().Where(j => j.AssetId == assetId && j.OrganisationId == caller.OrganisationId && j.Status == ScanStatus.Succeeded)
            .OrderByDescending(j => j.FinishedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(http.RequestAborted);
        var findings = latest is null ? [] : await db.Findings.AsNoTracking()
            .Where(f => f.ScanId == latest && f.OrganisationId == caller.OrganisationId && f.Tracking != FindingTracking.Fixed).ToListAsync(http.RequestAborted);
        await audit.AppendAsync(new AuditEvent(AuditKinds.FindingsExported, caller.KeyId, caller.OrganisationId, assetId.ToString(), ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["findings"] = findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["proofs"] = caller.ExploitCleared ? "shown" : "redacted" },
        });
        var fingerprints = new OrganisationFingerprints(rt);
        return TypedResults.Ok(findings.Select(f => fingerprints.Mark(caller.OrganisationId, FindingDetail.Of(f, caller.ExploitCleared))).ToArray());
    }
}
