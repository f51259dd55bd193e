using Microsoft.Extensions.DependencyInjection;
using Osprey.Core.Pipeline;
using Osprey.CSharp;
using Osprey.CSharp.Proof;
using Osprey.Native;

namespace Osprey.Cli;

/// <summary>
/// The engines, recon stages and verifiers of a default scan, registered per language through DI
/// the way a host would (the server composes the same way).
/// </summary>
internal static class DefaultComposition
{
    public static IServiceCollection AddOspreyEngines(this IServiceCollection services) =>
        services.AddOspreyCSharp().AddOspreyNative().AddOspreyProof();

    public static ScanPipeline CreatePipeline()
    {
        // One provider per scan: engines may keep per-scan state, and nothing is shared across scans.
        using var provider = new ServiceCollection().AddOspreyEngines().BuildServiceProvider();
        return new ScanPipeline(
            engines: provider.GetServices<IDiscoveryEngine>(),
            recon: provider.GetServices<IReconStage>(),
            verifiers: provider.GetServices<IVerifier>(),
            triage: provider.GetServices<ITriageStage>());
    }
}
