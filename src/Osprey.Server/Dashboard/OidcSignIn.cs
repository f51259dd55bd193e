using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;
using static Osprey.Server.Dashboard.Html;

namespace Osprey.Server.Dashboard;

/// <summary>
/// Dashboard sign-in through the operator's OpenID Connect provider: ASP.NET Core's handler runs
/// the authorization code flow with PKCE (state, nonce and correlation cookies, the id token's
/// signature checked against the provider's JWKS, its issuer, audience, lifetime and nonce), and
/// <see cref="OidcSessions"/> turns the person into the same cookie session a key sign-in gives.
/// The flow starts from a form post carrying the anti-forgery token, so another site cannot sign
/// a visitor in; the provider answers with a top-level GET (<c>response_mode=query</c>), so the
/// flow's cookies can stay SameSite=Lax.
/// </summary>
internal static class OidcSignIn
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/dashboard/signin-oidc";

    public static void Add(AuthenticationBuilder authentication, IServiceCollection services, OidcSignInOptions oidc)
    {
        services.AddSingleton<OidcSessions>();
        authentication.AddOpenIdConnect(Scheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            o.RequireHttpsMetadata = new Uri(oidc.Authority).Scheme == "https";
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.ResponseMode = "query";
            o.UsePkce = true;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.DisableTelemetry = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.HttpOnly = true;
            }

            o.Events.OnTicketReceived = TicketReceivedAsync;
            o.Events.OnRemoteFailure = RemoteFailureAsync;
        });
    }

    public static void Map(IEndpointRouteBuilder dashboard)
    {
        dashboard.MapPost("/login/oidc", Start).AllowAnonymous();
        dashboard.MapGet("/login/complete", Complete).AllowAnonymous();
    }

    /// <summary>The sign-in button for the login page, or nothing when OIDC is not configured.</summary>
    public static string Button(ServerOptions options, Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet tokens) => options.Oidc is { } oidc
        ? $"""<form method="post" action="/dashboard/login/oidc">{Csrf(tokens)}<button type="submit" id="sign-in-oidc">Sign in with {E(oidc.DisplayName)}</button></form>"""
        : "";

    /// <summary>
    /// The login page's policy allows forms to post only to the server itself, and browsers apply
    /// <c>form-action</c> to the redirects that follow a post too; the sign-in post redirects to
    /// the provider, so with OIDC configured the provider's origin is allowed as well.
    /// </summary>
    public static IResult AllowingProvider(IResult page, ServerOptions options) =>
        options.Oidc is { } oidc ? new FormActionResult(page, new Uri(oidc.Authority).GetLeftPart(UriPartial.Authority)) : page;

    // [FromForm] makes the anti-forgery middleware check the token on this post.
    private static IResult Start(ServerRuntime rt, [FromForm] string? unused) => rt.Options.Oidc is null
        ? TypedResults.Redirect("/dashboard/login?error=" + Uri.EscapeDataString("Single sign-on is not configured on this server."))
        : TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/dashboard/login/complete" }, [Scheme]);

    /// <summary>
    /// Where the flow ends. The session cookie is SameSite=Strict and the browser arrives here at
    /// the end of a redirect chain that began at the provider, so it would not send the cookie
    /// yet; this page continues with a same-site navigation, which does.
    /// </summary>
    private static IResult Complete(string? to)
    {
        var next = to == "operator" ? "/dashboard/operator" : "/dashboard";
        return Page("Signed in", $"""
            <meta http-equiv="refresh" content="0;url={next}">
            <p>Signed in. <a id="continue" href="{next}">Continue to the dashboard</a>.</p>
            """);
    }

    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var http = context.HttpContext;
        var rt = http.RequestServices.GetRequiredService<ServerRuntime>();
        var sessions = http.RequestServices.GetRequiredService<OidcSessions>();
        var (identity, refusal) = await sessions.SignInAsync(context.Principal!, rt.Options.Oidc!, http, http.RequestAborted);
        if (identity is null)
        {
            context.HandleResponse();
            await Refused(refusal!, 403).ExecuteAsync(http);
            return;
        }

        context.Principal = new System.Security.Claims.ClaimsPrincipal(identity);
        var role = identity.FindFirst(Api.Caller.RoleClaim)?.Value;
        context.ReturnUri = "/dashboard/login/complete" + (role == nameof(ApiKeyRole.Operator) ? "?to=operator" : "");
    }

    private static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        await http.RequestServices.GetRequiredService<OidcSessions>().AuditFailureAsync(context.Failure?.Message ?? "unknown failure", http, http.RequestAborted);
        context.HandleResponse();
        await Refused("The sign-in with the identity provider did not complete (it was cancelled, expired, or its answer could not be verified). Try again.", 400).ExecuteAsync(http);
    }

    private static IResult Refused(string message, int status) => new StatusPage(status, Page("Sign-in refused", $"""
        <p class="bad" id="sign-in-refused">{E(message)}</p>
        <p><a href="/dashboard/login">Back to sign-in</a></p>
        """));

    private sealed class FormActionResult(IResult page, string origin) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.OnStarting(() =>
            {
                var headers = httpContext.Response.Headers;
                headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.ToString().Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal);
                return Task.CompletedTask;
            });
            return page.ExecuteAsync(httpContext);
        }
    }

    private sealed class StatusPage(int status, IResult page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            return page.ExecuteAsync(httpContext);
        }
    }
}
