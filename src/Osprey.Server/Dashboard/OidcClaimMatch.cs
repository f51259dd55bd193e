using System.Security.Claims;

namespace Osprey.Server.Dashboard;

/// <summary>
/// Finds the first <see cref="OidcRoleMapping"/> an OIDC identity matches. Mappings on
/// <c>email</c> compare case-insensitively, accept <c>*@domain</c>, and (by default) require the
/// provider's <c>email_verified</c>.
/// </summary>
internal static class OidcClaimMatch
{
    /// <summary>The first matching mapping, or null.</summary>
    public static OidcRoleMapping? Find(ClaimsPrincipal person, OidcSignInOptions options)
    {
        var emailVerified = person.FindFirst("email_verified")?.Value is "true" or "True";
        foreach (var mapping in options.Mappings)
        {
            var isEmail = mapping.Claim == "email";
            if (isEmail && options.RequireVerifiedEmail && !emailVerified) continue;
            if (person.FindAll(mapping.Claim).Any(c => Matches(mapping.Value, c.Value, isEmail))) return mapping;
        }

        return null;
    }

    /// <summary>A stable text for a mapping, kept in the session so a removed or changed mapping ends it.</summary>
    public static string Key(OidcRoleMapping mapping) =>
        $"{mapping.Claim}\n{mapping.Value}\n{mapping.Role}\n{mapping.OrganisationId}\n{mapping.ExploitCleared}";

    private static bool Matches(string pattern, string value, bool isEmail)
    {
        if (!isEmail) return string.Equals(pattern, value, StringComparison.Ordinal);
        return pattern.StartsWith("*@", StringComparison.Ordinal)
            ? value.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && value.IndexOf('@', StringComparison.Ordinal) == value.Length - pattern.Length + 1
            : string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
    }
}
