using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Osprey.Core.Pipeline;
using Osprey.CSharp.Recon;

namespace Osprey.CSharp;

/// <summary>Registers the C# engine with a service collection.</summary>
public static class CSharpServiceCollectionExtensions
{
    /// <summary>
    /// Adds the C# Discover engine and the C# entry-point recon stage. Options default to
    /// <see cref="CSharpEngineOptions.Default"/> unless a <see cref="CSharpEngineOptions"/> is registered first.
    /// Calling it twice registers nothing twice.
    /// </summary>
    public static IServiceCollection AddOspreyCSharp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(CSharpEngineOptions.Default);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDiscoveryEngine, CSharpEngine>(sp => new CSharpEngine(sp.GetRequiredService<CSharpEngineOptions>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReconStage, CSharpEntryPointRecon>(sp => new CSharpEntryPointRecon(sp.GetRequiredService<CSharpEngineOptions>())));
        return services;
    }
}
