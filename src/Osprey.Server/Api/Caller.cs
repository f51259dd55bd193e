using System.Security.Claims;
using Osprey.Server.Storage;

namespace Osprey.Server.Api;

/// <summary>Who is calling: the authenticated key, its organisation, role and grants.</summary>
internal sealed record Caller(Guid KeyId, Guid OrganisationId, ApiKeyRole Role, bool ExploitCleared, int RequestsPerMinute)
{
    public const string KeyIdClaim = "osprey:key";
    public const string OrganisationClaim = "osprey:org";
    public const string RoleClaim = ClaimTypes.Role;
    public const string ClearedClaim = "osprey:exploit-cleared";
    public const string RateClaim = "osprey:rpm";

    public bool CanWrite => Role is ApiKeyRole.OrgAdmin or ApiKeyRole.Analyst;

    public static Caller? From(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(KeyIdClaim) is not { } key || user.FindFirstValue(OrganisationClaim) is not { } org
            || !Enum.TryParse<ApiKeyRole>(user.FindFirstValue(RoleClaim), out var role))
        {
            return null;
        }

        _ = int.TryParse(user.FindFirstValue(RateClaim), out var rpm);
        return new Caller(Guid.Parse(key), Guid.Parse(org), role, user.FindFirstValue(ClearedClaim) == "true", rpm);
    }

    public static ClaimsIdentity ToIdentity(ApiKeyEntity key, OrganisationEntity org, string scheme) => new(
        [
            new Claim(KeyIdClaim, key.Id.ToString()),
            new Claim(OrganisationClaim, org.Id.ToString()),
            new Claim(RoleClaim, key.Role.ToString()),
            new Claim(ClearedClaim, key.ExploitCleared ? "true" : "false"),
            new Claim(RateClaim, org.RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, key.Prefix),
        ],
        scheme);
}

/// <summary>Authorization policy names; each maps to the roles listed in <see cref="AccessPolicies"/>.</summary>
internal static class AccessPolicies
{
    /// <summary>Runs the service: vetting, all organisations, usage, audit.</summary>
    public const string Operator = "operator";
    /// <summary>Manages one organisation's keys.</summary>
    public const string OrgAdmin = "org-admin";
    /// <summary>Submits scans, registers assets.</summary>
    public const string OrgWrite = "org-write";
    /// <summary>Reads one organisation's scans and findings.</summary>
    public const string OrgRead = "org-read";
    /// <summary>Any valid key (who am I).</summary>
    public const string AnyKey = "any-key";

    public static readonly IReadOnlyDictionary<string, ApiKeyRole[]> Roles = new Dictionary<string, ApiKeyRole[]>
    {
        [Operator] = [ApiKeyRole.Operator],
        [OrgAdmin] = [ApiKeyRole.OrgAdmin],
        [OrgWrite] = [ApiKeyRole.OrgAdmin, ApiKeyRole.Analyst],
        [OrgRead] = [ApiKeyRole.OrgAdmin, ApiKeyRole.Analyst, ApiKeyRole.Viewer],
        [AnyKey] = [ApiKeyRole.Operator, ApiKeyRole.OrgAdmin, ApiKeyRole.Analyst, ApiKeyRole.Viewer],
    };
}
