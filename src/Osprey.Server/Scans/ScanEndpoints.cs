using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Assets;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Repositories;
using Osprey.Server.Storage;
using Osprey.Server.Usage;

namespace Osprey.Server.Scans;

/// <summary>Submitting scans and reading their results.</summary>
internal static class ScanEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/scans", SubmitAsync).RequireAuthorization(AccessPolicies.OrgWrite)
            .Produces<ScanView>(202)
            .WithSummary("Submits a zip (Content-Type application/zip) or tar.gz (application/gzip) as the raw body, for the registered asset ?assetId=…; optional ?label=…. "
                + "Or, with a JSON body {assetId, ref?, commit?, label?, threatModels?} and no archive, has the server fetch the asset's repository. "
                + "Threat models (?threatModels=remote,local or the JSON array \"threatModels\") choose whose input counts as a source; remote alone if absent.");
        api.MapGet("/scans", ListAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<ScanView[]>();
        api.MapGet("/scans/{scanId:guid}", GetAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<ScanView>();
        api.MapGet("/scans/{scanId:guid}/findings", FindingsOfScanAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<FindingSummary[]>();
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, ServerRuntime rt, IScanQueue queue, AuditLog audit, Guid? assetId, string? label)
    {
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            return await RepositoryScanSubmission.SubmitAsync(http, rt, queue, audit);
        var caller = Caller.From(http.User)!;
        if (assetId is null)
            return ApiProblem.Result(400, "asset-required", "A scan must name a registered asset.", "Register the repository or project with POST /api/v1/assets, then pass ?assetId=….");
        if (label is { Length: > 200 })
            return ApiProblem.Result(400, "invalid-label", "The label is longer than 200 characters.", "Use a short label such as a branch or commit.");
        await using var db = rt.CreateDb();
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == assetId && a.OrganisationId == caller.OrganisationId, http.RequestAborted);
        if (asset is null) return ApiProblem.NotFound("asset");
        // After the asset: another organisation's asset is not found, whatever the rest of the request.
        if (SubmissionParameters.Unknown(http.Request.Query, SubmissionParameters.Archive,
                $"An archive upload takes ?{string.Join("=…&", SubmissionParameters.Archive)}=… (threat models repeated or comma-separated).") is { } unknown)
            return unknown;
        var (threatModels, threatModelProblem) = ScanThreatModels.FromQuery(http.Request.Query[ScanThreatModels.Field]);
        if (threatModelProblem is not null) return threatModelProblem;
        var org = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == caller.OrganisationId, http.RequestAborted);
        var upload = await ArchiveUpload.ReadAsync(http, org.MaxArchiveBytes);
        if (upload.Error is not null) return await RejectedAsync(http, audit, caller, asset.Id, upload.Error, "upload");
        var (inspection, archiveError) = ArchiveInspector.Inspect(upload.Content!, upload.Format!, ArchiveLimits.From(rt.Options));
        if (archiveError is not null) return await RejectedAsync(http, audit, caller, asset.Id, archiveError.ToResult(), archiveError.Code);

        if (asset.Kind == AssetKind.OwnRepository && asset.VerifiedAt is null)
        {
            if (!inspection!.TokenFiles.Any(t => t.Contains(asset.VerificationToken, StringComparison.Ordinal)))
                return await RejectedAsync(http, audit, caller, asset.Id, ApiProblem.Result(403, "asset-not-verified", "Ownership of this repository has not been proven.",
                    $"Commit '{AssetOwnership.TokenFileName}' containing '{asset.VerificationToken}' at the repository root, or verify by URL."), "asset-not-verified");
            asset.VerifiedAt = rt.Now;
            asset.VerificationMethod = "repository-file";
            await db.SaveChangesAsync(http.RequestAborted);
            await audit.AppendAsync(new AuditEvent(AuditKinds.AssetVerified, caller.KeyId, caller.OrganisationId, asset.Name, ClientIdentity.Of(http).Address)
            {
                Details = new Dictionary<string, string> { ["asset"] = asset.Id.ToString(), ["method"] = "repository-file" },
            });
        }

        var job = new ScanJobEntity
        {
            Id = Guid.NewGuid(),
            OrganisationId = caller.OrganisationId,
            AssetId = asset.Id,
            SubmittedByKeyId = caller.KeyId,
            Label = label,
            Status = ScanStatus.Queued,
            ArchiveFormat = upload.Format!,
            ArchiveBytes = upload.Content!.Length,
            SubmittedAt = rt.Now,
            ThreatModels = threatModels!,
        };
        return await EnqueueAsync(http, queue, audit, caller, job, upload.Content);
    }

    /// <summary>Admits a job through the queue's quotas and audits the submission (or the refusal).</summary>
    internal static async Task<IResult> EnqueueAsync(HttpContext http, IScanQueue queue, AuditLog audit, Caller caller, ScanJobEntity job, byte[]? archive)
    {
        var (accepted, refusal) = await queue.EnqueueAsync(job, archive, http.RequestAborted);
        if (refusal is not null) return await RejectedAsync(http, audit, caller, job.AssetId, refusal, "quota");
        var details = new Dictionary<string, string>
        {
            ["asset"] = job.AssetId.ToString()!,
            ["bytes"] = job.ArchiveBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ScanThreatModels.Field] = job.ThreatModels,
        };
        if (job.ArchiveFormat == RepositoryFetcher.Format) details["ref"] = job.SourceRef ?? "(default branch)";
        await audit.AppendAsync(new AuditEvent(AuditKinds.ScanSubmitted, caller.KeyId, caller.OrganisationId, job.Id.ToString(), ClientIdentity.Of(http).Address) { Details = details });
        return TypedResults.Accepted($"/api/v1/scans/{accepted!.Id}", ScanView.Of(accepted));
    }

    /// <summary>Audits a refused submission and returns the problem.</summary>
    internal static async Task<IResult> RejectedAsync(HttpContext http, AuditLog audit, Caller caller, Guid? assetId, IResult problem, string reason)
    {
        await audit.AppendAsync(new AuditEvent(AuditKinds.ScanRejected, caller.KeyId, caller.OrganisationId, assetId?.ToString(), ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["reason"] = reason },
        });
        return problem;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerRuntime rt, Guid? assetId)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var query = db.ScanJobs.AsNoTracking().Where(j => j.OrganisationId == caller.OrganisationId);
        if (assetId is not null) query = query.Where(j => j.AssetId == assetId);
        var scans = await query.OrderByDescending(j => j.SubmittedAt).Take(500).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(scans.Select(ScanView.Of).ToArray());
    }

    private static async Task<IResult> GetAsync(HttpContext http, ServerRuntime rt, Guid scanId)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var scan = await db.ScanJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == scanId && j.OrganisationId == caller.OrganisationId, http.RequestAborted);
        return scan is null ? ApiProblem.NotFound("scan") : TypedResults.Ok(ScanView.Of(scan));
    }

    private static async Task<IResult> FindingsOfScanAsync(HttpContext http, ServerRuntime rt, Guid scanId)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        if (!await db.ScanJobs.AnyAsync(j => j.Id == scanId && j.OrganisationId == caller.OrganisationId, http.RequestAborted)) return ApiProblem.NotFound("scan");
        var findings = await db.Findings.AsNoTracking().Where(f => f.ScanId == scanId && f.OrganisationId == caller.OrganisationId)
            .OrderBy(f => f.FilePath).ThenBy(f => f.Line).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(findings.Select(FindingSummary.Of).ToArray());
    }
}
