using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Osprey.Core.Pipeline;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.CSharp.Proof;

/// <summary>Registers Osprey's C# proof verifier.</summary>
public static class ProofServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CSharpProofVerifier"/> as an <see cref="IVerifier"/> (singleton), with the
    /// registered <see cref="ProofOptions"/> or the defaults.
    /// </summary>
    public static IServiceCollection AddOspreyProof(this IServiceCollection services, ProofOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new ProofOptions());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVerifier, CSharpProofVerifier>());
        return services;
    }
}
