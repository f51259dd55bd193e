using Microsoft.Extensions.DependencyInjection;
using Osprey.Core.Pipeline;
using Osprey.CSharp.Proof.Sandbox;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.CSharp.Proof.Tests.Verifying;

public sealed class ProofRegistrationTests
{
    [Fact]
    public void AddOspreyProof_CalledTwice_RegistersOneVerifierSingleton()
    {
        var services = new ServiceCollection();

        services.AddOspreyProof();
        services.AddOspreyProof();

        var verifier = Assert.Single(services, d => d.ServiceType == typeof(IVerifier));
        Assert.Equal(typeof(CSharpProofVerifier), verifier.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, verifier.Lifetime);
    }

    [Fact]
    public void Constructor_LimitsTooSmall_ListsEveryProblem()
    {
        var options = new ProofOptions { Limits = new SandboxLimits { MemoryBytes = 1024, MaxProcesses = 2 } };

        var error = Assert.Throws<ArgumentException>(() => new CSharpProofVerifier(options));

        Assert.Contains("memory limit must be at least 32 MiB", error.Message, StringComparison.Ordinal);
        Assert.Contains("process limit must be at least 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SandboxLimits_Defaults_ArePinned()
    {
        var limits = SandboxLimits.Default;

        Assert.Equal(TimeSpan.FromSeconds(30), limits.WallClock);
        Assert.Equal(512L * 1024 * 1024, limits.MemoryBytes);
        Assert.Equal(128, limits.MaxProcesses);
        Assert.Equal(limits.MemoryBytes + 2L * 1024 * 1024 * 1024, limits.AddressSpaceBytes);
    }
}
