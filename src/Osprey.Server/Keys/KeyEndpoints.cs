using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;
using Osprey.Server.Usage;

namespace Osprey.Server.Keys;

/// <summary>A request for a new key.</summary>
internal sealed record KeyRequest(string Name, KeyRoleName Role, bool ExploitCleared = false, int? ExpiresInDays = null);

/// <summary>Roles an org-admin may hand out (never operator).</summary>
internal enum KeyRoleName
{
    OrgAdmin,
    Analyst,
    Viewer,
}

/// <summary>Why a key is revoked.</summary>
internal sealed record RevocationRequest(string Reason);

/// <summary>Key management inside one organisation, and operator keys.</summary>
internal static class KeyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/keys/current", Current).RequireAuthorization(AccessPolicies.AnyKey).Produces<KeyView>();
        var keys = api.MapGroup("/keys").RequireAuthorization(AccessPolicies.OrgAdmin);
        keys.MapGet("", ListAsync).Produces<KeyView[]>();
        keys.MapPost("", CreateAsync).Accepts<KeyRequest>("application/json").Produces<IssuedKeyView>(201);
        keys.MapPost("/{keyId:guid}/rotation", RotateAsync).Produces<IssuedKeyView>(201).WithSummary("Issues a replacement with the same role and grants and revokes the old key.");
        keys.MapPost("/{keyId:guid}/revocation", RevokeAsync).Accepts<RevocationRequest>("application/json").Produces<KeyView>();
        api.MapPost("/operator/keys", CreateOperatorKeyAsync).RequireAuthorization(AccessPolicies.Operator).Accepts<KeyRequest>("application/json").Produces<IssuedKeyView>(201);
    }

    private static async Task<IResult> Current(HttpContext http, ServerRuntime rt)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var key = await db.ApiKeys.AsNoTracking().FirstAsync(k => k.Id == caller.KeyId, http.RequestAborted);
        return TypedResults.Ok(KeyView.Of(key));
    }

    private static async Task<IResult> ListAsync(HttpContext http, ServerRuntime rt)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == caller.OrganisationId).OrderBy(k => k.CreatedAt).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(keys.Select(KeyView.Of).ToArray());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ServerRuntime rt, KeyIssuer issuer, AuditLog audit) =>
        await CreateForAsync(http, rt, issuer, audit, operatorKey: false);

    private static async Task<IResult> CreateOperatorKeyAsync(HttpContext http, ServerRuntime rt, KeyIssuer issuer, AuditLog audit) =>
        await CreateForAsync(http, rt, issuer, audit, operatorKey: true);

    private static async Task<IResult> CreateForAsync(HttpContext http, ServerRuntime rt, KeyIssuer issuer, AuditLog audit, bool operatorKey)
    {
        var (request, error) = await ApiJson.ReadAsync<KeyRequest>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        if (string.IsNullOrWhiteSpace(request!.Name) || request.Name.Length > 100)
            return ApiProblem.Result(400, "invalid-key-request", "The key needs a name of 1-100 characters.", "Name keys after who or what uses them: 'ci-pipeline', 'alice laptop'.");
        if (request.ExpiresInDays is < 1 or > 3650)
            return ApiProblem.Result(400, "invalid-key-request", "expiresInDays must be between 1 and 3650.", "Omit it for a key that does not expire.");
        var caller = Caller.From(http.User)!;
        var role = operatorKey ? ApiKeyRole.Operator : request.Role switch
        {
            KeyRoleName.OrgAdmin => ApiKeyRole.OrgAdmin,
            KeyRoleName.Analyst => ApiKeyRole.Analyst,
            _ => ApiKeyRole.Viewer,
        };
        var lifetime = request.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : (TimeSpan?)null;
        var (row, secret) = issuer.Issue(caller.OrganisationId, request.Name.Trim(), role, request.ExploitCleared && !operatorKey, lifetime, caller.KeyId);
        await using (var db = rt.CreateDb())
        {
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        await audit.AppendAsync(new AuditEvent(AuditKinds.KeyCreated, caller.KeyId, caller.OrganisationId, row.Prefix, ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["role"] = KeyView.RoleName(role), ["exploitCleared"] = row.ExploitCleared ? "true" : "false" },
        });
        return TypedResults.Created($"/api/v1/keys/{row.Id}", new IssuedKeyView(KeyView.Of(row), secret));
    }

    private static async Task<IResult> RotateAsync(HttpContext http, ServerRuntime rt, KeyIssuer issuer, AuditLog audit, Guid keyId)
    {
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var old = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == caller.OrganisationId, http.RequestAborted);
        if (old is null) return ApiProblem.NotFound("key");
        if (old.RevokedAt is not null) return ApiProblem.Result(409, "key-revoked", "A revoked key cannot be rotated.", "Create a new key instead.");
        if (old.Prefix.StartsWith(Dashboard.OidcSessions.Prefix, StringComparison.Ordinal))
            return ApiProblem.Result(409, "oidc-identity", "This row stands for a person signing in through OIDC; it has no secret to rotate.", "Revoke it to end their dashboard access, or create a key.");
        var lifetime = old.ExpiresAt is { } expires ? expires - old.CreatedAt : (TimeSpan?)null;
        var (row, secret) = issuer.Issue(old.OrganisationId, old.Name, old.Role, old.ExploitCleared, lifetime, caller.KeyId);
        old.RevokedAt = rt.Now;
        old.RevokedReason = "rotated";
        old.ReplacedByKeyId = row.Id;
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(http.RequestAborted);
        await audit.AppendAsync(new AuditEvent(AuditKinds.KeyRotated, caller.KeyId, caller.OrganisationId, old.Prefix, ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["replacement"] = row.Prefix },
        });
        return TypedResults.Created($"/api/v1/keys/{row.Id}", new IssuedKeyView(KeyView.Of(row), secret));
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, ServerRuntime rt, AuditLog audit, Guid keyId)
    {
        var (request, error) = await ApiJson.ReadAsync<RevocationRequest>(http, rt.Options.MaxJsonBodyBytes);
        if (error is not null) return error;
        var caller = Caller.From(http.User)!;
        await using var db = rt.CreateDb();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == caller.OrganisationId, http.RequestAborted);
        if (key is null) return ApiProblem.NotFound("key");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = rt.Now;
            key.RevokedReason = request!.Reason.Length > 500 ? request.Reason[..500] : request.Reason;
            await db.SaveChangesAsync(http.RequestAborted);
            await audit.AppendAsync(new AuditEvent(AuditKinds.KeyRevoked, caller.KeyId, caller.OrganisationId, key.Prefix, ClientIdentity.Of(http).Address)
            {
                Details = new Dictionary<string, string> { ["reason"] = key.RevokedReason },
            });
        }

        return TypedResults.Ok(KeyView.Of(key));
    }
}
