using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Osprey.Core.Pipeline;

namespace Osprey.Native;

/// <summary>Registers the native (C/C++) engine.</summary>
public static class NativeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NativeEngine"/> as an <see cref="IDiscoveryEngine"/> and
    /// <see cref="NativeReconStage"/> as an <see cref="IReconStage"/> (singletons; calling twice adds
    /// them once), with <paramref name="options"/> or the defaults.
    /// </summary>
    public static IServiceCollection AddOspreyNative(this IServiceCollection services, NativeEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = options ?? new NativeEngineOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDiscoveryEngine, NativeEngine>(_ => new NativeEngine(settings)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReconStage, NativeReconStage>(_ => new NativeReconStage(settings)));
        return services;
    }
}
