using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Scans;
using Osprey.Server.Storage;

namespace Osprey.Server.Repositories;

/// <summary>
/// <c>POST /api/v1/scans</c> with <c>{assetId, ref?, commit?, label?, threatModels?}</c>: a scan of a registered
/// asset's repository, fetched by the worker. Everything knowable before the fetch is checked
/// here and refused with a 4xx: the asset (own repositories must be verified), its URL's scheme
/// and address under the fetch policy, and the ref. Reachability, size and content are the
/// worker's to find out; a failure there fails the job with the reason.
/// </summary>
internal static class RepositoryScanSubmission
{
    public static async Task<IResult> SubmitAsync(HttpContext http, ServerRuntime rt, IScanQueue queue, AuditLog audit)
    {
        var caller = Caller.From(http.User)!;
        if (SubmissionParameters.Unknown(http.Request.Query, [], "A JSON submission takes every field in the body: {assetId, ref?, commit?, label?, threatModels?}.") is { } unknown)
            return unknown;
        var (request, error) = await ApiJson.ReadAsync<RepositoryScanRequest>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        if (request!.Problem() is { } problem)
            return ApiProblem.Result(400, "invalid-repository-scan", problem, "Send {assetId, ref?, commit?, label?, threatModels?}: a branch or tag name, or a full commit id, or neither for the default branch.");
        var (threatModels, threatModelProblem) = ScanThreatModels.FromJson(request.ThreatModels);
        if (threatModelProblem is not null) return threatModelProblem;
        await using var db = rt.CreateDb();
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AssetId && a.OrganisationId == caller.OrganisationId, http.RequestAborted);
        if (asset is null) return ApiProblem.NotFound("asset");
        if (asset.Kind == AssetKind.OwnRepository && asset.VerifiedAt is null)
        {
            return await ScanEndpoints.RejectedAsync(http, audit, caller, asset.Id, ApiProblem.Result(403, "asset-not-verified", "Ownership of this repository has not been proven.",
                "Prove ownership first: serve the token at the verification URL (POST /api/v1/assets/{id}/verification), or submit an archive that contains the token file."), "asset-not-verified");
        }

        var (_, refusal) = await RepositoryLocation.ResolveAsync(asset.RepositoryUrl, rt.Options.LoopbackRepositoriesOnly, http.RequestAborted);
        if (refusal is not null) return await ScanEndpoints.RejectedAsync(http, audit, caller, asset.Id, refusal.ToResult(), refusal.Code);

        var job = new ScanJobEntity
        {
            Id = Guid.NewGuid(),
            OrganisationId = caller.OrganisationId,
            AssetId = asset.Id,
            SubmittedByKeyId = caller.KeyId,
            Label = request.Label,
            Status = ScanStatus.Queued,
            ArchiveFormat = RepositoryFetcher.Format,
            SourceRef = request.Source,
            SubmittedAt = rt.Now,
            ThreatModels = threatModels!,
        };
        return await ScanEndpoints.EnqueueAsync(http, queue, audit, caller, job, archive: null);
    }
}
