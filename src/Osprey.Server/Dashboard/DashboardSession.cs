using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Osprey.Server.Api;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Dashboard;

/// <summary>
/// The dashboard's cookie session: HttpOnly, SameSite=Strict, eight hours sliding. Every request
/// re-checks the key behind the session, so revoking a key, its expiry, or suspending its
/// organisation ends the session at once; so does removing the OIDC mapping a session came from.
/// </summary>
internal static class DashboardSession
{
    public static void Configure(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "osprey.session";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.LoginPath = "/dashboard/login";
        o.LogoutPath = "/dashboard/logout";
        o.AccessDeniedPath = "/dashboard/denied";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var caller = context.Principal is null ? null : Caller.From(context.Principal);
        var runtime = context.HttpContext.RequestServices.GetRequiredService<ServerRuntime>();
        var valid = false;
        if (caller is not null)
        {
            await using var db = runtime.CreateDb();
            var now = runtime.Now;
            // A session from an OIDC sign-in also ends when the operator removes or changes its mapping.
            var mapping = context.Principal!.FindFirst(OidcSessions.MappingClaim)?.Value;
            valid = (mapping is null || runtime.Options.Oidc?.Mappings.Any(m => OidcClaimMatch.Key(m) == mapping) == true)
                && await db.ApiKeys.AnyAsync(k => k.Id == caller.KeyId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now)
                && db.Organisations.Any(o => o.Id == k.OrganisationId && o.Status == OrganisationStatus.Active), context.HttpContext.RequestAborted);
        }

        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
