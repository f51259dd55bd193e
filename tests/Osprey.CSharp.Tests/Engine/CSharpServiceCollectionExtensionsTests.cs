using Microsoft.Extensions.DependencyInjection;
using Osprey.Core.Pipeline;
using Osprey.CSharp.Recon;

namespace Osprey.CSharp.Tests.Engine;

public sealed class CSharpServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOspreyCSharp_CalledTwice_RegistersTheEngineAndReconStageOnce()
    {
        var services = new ServiceCollection();

        services.AddOspreyCSharp().AddOspreyCSharp();

        Assert.Single(services, d => d.ServiceType == typeof(IDiscoveryEngine));
        Assert.Single(services, d => d.ServiceType == typeof(IReconStage));
        Assert.Single(services, d => d.ServiceType == typeof(CSharpEngineOptions));
    }

    [Fact]
    public void AddOspreyCSharp_Factories_UseTheRegisteredOptions()
    {
        var options = CSharpEngineOptions.Default with { CountUnresolvedSymbolsInBodies = true };
        var services = new ServiceCollection().AddSingleton(options).AddOspreyCSharp();
        var provider = new SingleServiceProvider(options);

        var engine = services.Single(d => d.ServiceType == typeof(IDiscoveryEngine)).ImplementationFactory!(provider);
        var recon = services.Single(d => d.ServiceType == typeof(IReconStage)).ImplementationFactory!(provider);

        Assert.Equal("csharp", Assert.IsType<CSharpEngine>(engine).Name);
        Assert.Equal("csharp-recon", Assert.IsType<CSharpEntryPointRecon>(recon).Name);
        Assert.Equal(2, provider.Requests);
    }

    private sealed class SingleServiceProvider(CSharpEngineOptions options) : IServiceProvider
    {
        public int Requests { get; private set; }

        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(CSharpEngineOptions))
            {
                Requests++;
                return options;
            }

            return null;
        }
    }
}
