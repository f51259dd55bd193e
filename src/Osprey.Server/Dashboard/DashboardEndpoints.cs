using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Keys;
using Osprey.Server.Storage;
using Osprey.Server.Usage;
using static Osprey.Server.Dashboard.Html;

namespace Osprey.Server.Dashboard;

/// <summary>The dashboard: sign-in with a key into a cookie session, then organisation and operator pages.</summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup("/dashboard").ExcludeFromDescription();
        dashboard.MapGet("/style.css", () => TypedResults.Text(Css, "text/css")).AllowAnonymous();
        dashboard.MapGet("/login", LoginForm).AllowAnonymous();
        dashboard.MapPost("/login", SignInAsync).AllowAnonymous();
        OidcSignIn.Map(dashboard);
        dashboard.MapPost("/logout", SignOutAsync).RequireAuthorization(AccessPolicies.AnyKey);
        dashboard.MapGet("/denied", () => Page("Not allowed", "<p>This key's role may not see that page.</p><p><a href=\"/dashboard\">Back</a></p>")).AllowAnonymous();
        OrganisationPages.Map(dashboard);
        OperatorPages.Map(dashboard);
    }

    /// <summary>The navigation bar with the sign-out form.</summary>
    public static string Nav(HttpContext http, IAntiforgery antiforgery)
    {
        var caller = Caller.From(http.User);
        var links = caller?.Role == ApiKeyRole.Operator
            ? "<a href=\"/dashboard/operator\">Vetting</a><a href=\"/dashboard/operator/usage\">Usage</a><a href=\"/dashboard/operator/audit\">Audit</a><a href=\"/dashboard/operator/disclosure\">Disclosure</a><a href=\"/dashboard/operator/abuse\">Abuse review</a>"
            : "<a href=\"/dashboard\">Scans</a>";
        return links + $"<span class=\"muted\">{E(http.User.Identity?.Name)}</span><form class=\"inline\" method=\"post\" action=\"/dashboard/logout\">{Csrf(antiforgery.GetAndStoreTokens(http))}<button>Sign out</button></form>";
    }

    private static IResult LoginForm(HttpContext http, IAntiforgery antiforgery, ServerRuntime rt, string? error)
    {
        var message = error is null ? "" : $"<p class=\"bad\" id=\"login-error\">{E(error)}</p>";
        var tokens = antiforgery.GetAndStoreTokens(http);
        return OidcSignIn.AllowingProvider(Page("Sign in", $"""
            {message}
            {OidcSignIn.Button(rt.Options, tokens)}
            <form method="post" action="/dashboard/login">
              {Csrf(tokens)}
              <label>API key <input type="password" name="key" id="key" autocomplete="off" size="60" required></label>
              <button type="submit" id="sign-in">Sign in</button>
            </form>
            <p class="muted">Sign in with an API key issued to you. The key is checked once; the session lasts eight hours and ends when the key is revoked.</p>
            """), rt.Options);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, ApiKeyValidator validator, AuditLog audit, [FromForm] string key)
    {
        var (identity, failure) = await validator.ValidateAsync(key.Trim(), http, http.RequestAborted);
        if (identity is null)
        {
            return TypedResults.Redirect("/dashboard/login?error=" + Uri.EscapeDataString(failure!.Title));
        }

        var cookieIdentity = new ClaimsIdentity(identity.Claims, CookieAuthenticationDefaults.AuthenticationScheme);
        var principal = new ClaimsPrincipal(cookieIdentity);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        var caller = Caller.From(principal)!;
        await audit.AppendAsync(new AuditEvent(AuditKinds.DashboardSignIn, caller.KeyId, caller.OrganisationId, http.User.Identity?.Name ?? identity.Name, ClientIdentity.Of(http).Address));
        return TypedResults.Redirect(caller.Role == ApiKeyRole.Operator ? "/dashboard/operator" : "/dashboard");
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, [FromForm] string? unused)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/dashboard/login");
    }
}
