using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Scans;
using Osprey.Server.Storage;
using Osprey.Server.Usage;

namespace Osprey.Server.Assets;

/// <summary>A request to register an asset.</summary>
internal sealed record AssetRequest(AssetKindName Kind, string Name, string? RepositoryUrl = null, string? VerificationUrl = null);

/// <summary>Asset kinds as the API names them.</summary>
internal enum AssetKindName
{
    OwnRepository,
    ThirdPartyProject,
}

/// <summary>An asset as the API shows it. The verification token is what must be committed or published.</summary>
internal sealed record AssetView(Guid Id, string Kind, string Name, string? RepositoryUrl, string? VerificationUrl, string VerificationToken,
    string VerificationFile, bool Verified, string? VerificationMethod, bool CoordinatedDisclosure, DateTimeOffset CreatedAt)
{
    public static AssetView Of(AssetEntity a) => new(a.Id, a.Kind == AssetKind.OwnRepository ? "own-repository" : "third-party-project", a.Name,
        a.RepositoryUrl, a.VerificationUrl, a.VerificationToken, AssetOwnership.TokenFileName, a.VerifiedAt is not null, a.VerificationMethod,
        a.CoordinatedDisclosure, a.CreatedAt);
}

/// <summary>Registering assets and proving ownership.</summary>
internal static class AssetEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var assets = api.MapGroup("/assets");
        assets.MapGet("", ListAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<AssetView[]>();
        assets.MapGet("/{assetId:guid}", GetAsync).RequireAuthorization(AccessPolicies.OrgRead).Produces<AssetView>();
        assets.MapPost("", CreateAsync).RequireAuthorization(AccessPolicies.OrgWrite).Accepts<AssetRequest>("application/json").Produces<AssetView>(201);
        assets.MapPost("/{assetId:guid}/verification", VerifyAsync).RequireAuthorization(AccessPolicies.OrgWrite).Produces<AssetView>()
            .WithSummary("Proves ownership: with a zip/tar.gz body, looks for the token file in it; with no body, fetches the verification URL.");
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerRuntime rt)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var list = await db.Assets.AsNoTracking().Where(a => a.OrganisationId == caller.OrganisationId).OrderBy(a => a.CreatedAt).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(list.Select(AssetView.Of).ToArray());
    }

    private static async Task<IResult> GetAsync(HttpContext http, ServerRuntime rt, Guid assetId)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId && a.OrganisationId == caller.OrganisationId, http.RequestAborted);
        return asset is null ? ApiProblem.NotFound("asset") : TypedResults.Ok(AssetView.Of(asset));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ServerRuntime rt, AuditLog audit)
    {
        var (request, error) = await ApiJson.ReadAsync<AssetRequest>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        if (string.IsNullOrWhiteSpace(request!.Name) || request.Name.Length > 200)
            return ApiProblem.Result(400, "invalid-asset", "The asset needs a name of 1-200 characters.", "Use the repository or project name.");
        foreach (var (url, isRepository) in new[] { (request.RepositoryUrl, true), (request.VerificationUrl, false) })
        {
            // The repository fetch's test mode also fetches git:// and file:// repositories.
            var testRepository = isRepository && rt.Options.LoopbackRepositoriesOnly;
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme is "https" or "http" || (testRepository && uri.Scheme is "git" or "file"))))
                return ApiProblem.Result(400, "invalid-asset", $"'{url}' is not an http(s) URL.", "Give absolute http or https URLs.");
        }

        var caller = Caller.From(http.User)!;
        var thirdParty = request.Kind == AssetKindName.ThirdPartyProject;
        var asset = new AssetEntity
        {
            Id = Guid.NewGuid(),
            OrganisationId = caller.OrganisationId,
            Kind = thirdParty ? AssetKind.ThirdPartyProject : AssetKind.OwnRepository,
            Name = request.Name.Trim(),
            RepositoryUrl = request.RepositoryUrl,
            VerificationUrl = request.VerificationUrl,
            VerificationToken = "osprey-verify-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            CoordinatedDisclosure = thirdParty,
            CreatedAt = rt.Now,
        };
        await using (var db = rt.CreateDb())
        {
            db.Assets.Add(asset);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        await audit.AppendAsync(new AuditEvent(AuditKinds.AssetRegistered, caller.KeyId, caller.OrganisationId, asset.Name, ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["asset"] = asset.Id.ToString(), ["kind"] = AssetView.Of(asset).Kind },
        });
        return TypedResults.Created($"/api/v1/assets/{asset.Id}", AssetView.Of(asset));
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, ServerRuntime rt, AuditLog audit, AssetOwnership ownership, Guid assetId)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == assetId && a.OrganisationId == caller.OrganisationId, http.RequestAborted);
        if (asset is null) return ApiProblem.NotFound("asset");
        if (asset.Kind == AssetKind.ThirdPartyProject)
            return ApiProblem.Result(409, "verification-not-needed", "Third-party projects are not verified.", "Their findings go to coordinated disclosure instead.");

        string method;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var org = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == caller.OrganisationId, http.RequestAborted);
            var upload = await ArchiveUpload.ReadAsync(http, org.MaxArchiveBytes);
            if (upload.Error is not null) return upload.Error;
            var check = ArchiveInspector.Inspect(upload.Content!, upload.Format!, ArchiveLimits.From(rt.Options));
            if (check.Error is not null) return check.Error.ToResult();
            if (!ownership.TokenInArchive(check.Inspection!, asset.VerificationToken))
                return ApiProblem.Result(422, "token-not-found", "The verification token is not in the archive.", $"Commit a file '{AssetOwnership.TokenFileName}' at the repository root containing '{asset.VerificationToken}'.");
            method = "repository-file";
        }
        else
        {
            var fetched = await ownership.TokenAtUrlAsync(asset, http.RequestAborted);
            if (fetched is not null) return fetched;
            method = "url";
        }

        asset.VerifiedAt = rt.Now;
        asset.VerificationMethod = method;
        await db.SaveChangesAsync(http.RequestAborted);
        await audit.AppendAsync(new AuditEvent(AuditKinds.AssetVerified, caller.KeyId, caller.OrganisationId, asset.Name, ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["asset"] = asset.Id.ToString(), ["method"] = method },
        });
        return TypedResults.Ok(AssetView.Of(asset));
    }
}
