using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Osprey.Server.Abuse;
using Osprey.Server.Dashboard;
using Osprey.Server.Disclosure;
using Osprey.Server.Scans;
using Osprey.Server.Watermarking;

namespace Osprey.Server.Hosting;

/// <summary>Registers coordinated disclosure, abuse detection and output fingerprinting (issue 8), and maps their endpoints.</summary>
internal static class DisclosureAndAbuseServices
{
    public static void Add(IServiceCollection services, ServerRuntime runtime)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<OrganisationFingerprints>();

        services.AddSingleton<DbDisclosureCaseStore>();
        services.AddSingleton<IDisclosureCaseStore>(sp => sp.GetRequiredService<DbDisclosureCaseStore>());
        services.AddSingleton<DisclosureIntake>();
        services.AddSingleton<DisclosureOperations>();
        services.AddSingleton<IDisclosureNotifier, OutboxDisclosureNotifier>();
        services.AddSingleton(sp => new DisclosureRunner(sp.GetRequiredService<IDisclosureCaseStore>(), sp.GetRequiredService<IDisclosureNotifier>(),
            runtime.Options.Disclosure.ToPolicy(), runtime.Time, sp.GetRequiredService<ILogger<DisclosureRunner>>()));
        if (runtime.Options.Disclosure.RunInterval is { } every)
        {
            services.AddHostedService(sp => new DisclosureBackgroundService(sp.GetRequiredService<DisclosureRunner>(), runtime.Time, every, sp.GetRequiredService<ILogger<DisclosureBackgroundService>>()));
        }

        services.AddSingleton<DbUsageRecordSource>();
        services.AddSingleton<AbuseRestrictions>();
        services.AddSingleton<AbuseActionStore>();
        services.AddSingleton<AbuseReview>();
        services.AddSingleton(sp =>
        {
            var source = sp.GetRequiredService<DbUsageRecordSource>();
            return new AbuseMonitor(source, source, sp.GetRequiredService<AbuseActionStore>(), runtime.Time,
                runtime.Options.Abuse.ToDetectionOptions(), runtime.Options.Abuse.ToPolicy());
        });
        services.AddSingleton<AbuseMonitorService>();
        services.AddHostedService(sp => sp.GetRequiredService<AbuseMonitorService>());
        DecorateScanQueue(services);
    }

    /// <summary>Wraps whichever scan queue is registered so that every admitted submission also leaves its sketch.</summary>
    private static void DecorateScanQueue(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IScanQueue));
        services.Remove(original);
        Func<IServiceProvider, IScanQueue> inner = original.ImplementationInstance is IScanQueue instance ? _ => instance
            : original.ImplementationFactory is { } factory ? sp => (IScanQueue)factory(sp)
            : sp => (IScanQueue)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
        services.AddSingleton<IScanQueue>(sp => ActivatorUtilities.CreateInstance<SketchingScanQueue>(sp, inner(sp)));
    }

    public static void UseRestrictions(WebApplication app) => app.UseMiddleware<AbuseRestrictionMiddleware>();

    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder app)
    {
        DisclosureEndpoints.Map(api);
        AbuseEndpoints.Map(api);
        FingerprintEndpoints.Map(api);
        DisclosurePages.Map(app);
        AbuseReviewPages.Map(app);
    }
}
