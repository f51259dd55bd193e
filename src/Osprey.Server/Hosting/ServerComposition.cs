using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Osprey.Core.Pipeline;
using Osprey.Server.Api;
using Osprey.Server.Assets;
using Osprey.Server.Audit;
using Osprey.Server.Dashboard;
using Osprey.Server.Keys;
using Osprey.Server.Organisations;
using Osprey.Server.Repositories;
using Osprey.Server.Scans;
using Osprey.Server.Usage;

namespace Osprey.Server.Hosting;

/// <summary>Service registration and the request pipeline.</summary>
internal static class ServerComposition
{
    private const string SelectorScheme = "Osprey";

    public static void AddServices(IServiceCollection services, ServerRuntime runtime, Func<ScanPipeline> pipelineFactory)
    {
        services.AddLogging(l => l.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System", LogLevel.Warning));
        services.AddSingleton(runtime);
        services.AddSingleton(runtime.Time);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<KeyIssuer>();
        services.AddSingleton<ApiKeyValidator>();
        services.AddSingleton<AssetOwnership>();
        services.AddSingleton<FindingStore>();
        services.AddSingleton<IScanQueue, DbScanQueue>();
        services.AddSingleton<RepositoryFetcher>();
        services.AddSingleton<IScanWorker>(sp => new PipelineScanWorker(runtime, pipelineFactory, sp.GetRequiredService<RepositoryFetcher>()));
        services.AddSingleton<UsageRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageRecorder>());
        services.AddSingleton<UsagePurgeService>();
        services.AddHostedService(sp => sp.GetRequiredService<UsagePurgeService>());
        services.AddHostedService<ScanWorkerService>();
        DisclosureAndAbuseServices.Add(services, runtime);

        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or dashboard session", o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/dashboard") ? CookieAuthenticationDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, DashboardSession.Configure);
        if (runtime.Options.Oidc is { } oidc) OidcSignIn.Add(authentication, services, oidc);
        services.AddAuthorization(o =>
        {
            foreach (var (name, roles) in AccessPolicies.Roles)
            {
                o.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
            }
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "osprey.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__osprey_csrf";
        });
        RateLimiting.Add(services, runtime.Options);
        services.AddOpenApi("v1");
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }

    public static void UsePipeline(WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(http => ApiProblem.WriteAsync(http, 500, "internal-error", "The server failed to handle the request.",
            "Try again; if it persists, give the operator the time of the request. No details are returned by design.")));
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0) return;
            var status = http.Response.StatusCode;
            var (code, title, hint) = status switch
            {
                404 => ("not-found", "No such endpoint or resource.", "See /openapi/v1.json for the API."),
                405 => ("method-not-allowed", "This endpoint does not accept that method.", "See /openapi/v1.json for the API."),
                413 => ("body-too-large", "The request body is too large.", "Send a smaller body."),
                415 => ("unsupported-media-type", "The body's content type is not accepted here.", "See /openapi/v1.json for the accepted types."),
                _ => ("bad-request", "The request is malformed.", "Check the path, the query parameters (ids are GUIDs) and the body."),
            };
            await ApiProblem.WriteAsync(http, status, code, title, hint);
        });
        app.UseAuthentication();
        app.UseMiddleware<UsageMiddleware>();
        DisclosureAndAbuseServices.UseRestrictions(app);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1");
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous();
        OrganisationEndpoints.Map(api);
        KeyEndpoints.Map(api);
        AssetEndpoints.Map(api);
        ScanEndpoints.Map(api);
        FindingEndpoints.Map(api);
        UsageEndpoints.Map(api);
        AuditEndpoints.Map(api);
        DashboardEndpoints.Map(app);
        DisclosureAndAbuseServices.Map(api, app);
    }
}
