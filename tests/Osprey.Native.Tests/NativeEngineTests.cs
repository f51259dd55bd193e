using Microsoft.Extensions.DependencyInjection;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;

namespace Osprey.Native.Tests;

public sealed class NativeEngineTests
{
    [Fact]
    public void AddOspreyNative_CalledTwice_RegistersEngineAndReconStageOnce()
    {
        var services = new ServiceCollection().AddOspreyNative().AddOspreyNative().BuildServiceProvider();

        Assert.IsType<NativeEngine>(Assert.Single(services.GetServices<IDiscoveryEngine>()));
        Assert.IsType<NativeReconStage>(Assert.Single(services.GetServices<IReconStage>()));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new NativeEngine(new NativeEngineOptions { JobsPerCampaign = 0, ReproduceAttempts = 0 }));

        Assert.Contains("JobsPerCampaign must be at least 1 (was 0).", error.Message);
        Assert.Contains("ReproduceAttempts must be at least 1 (was 0).", error.Message);
    }

    [Fact]
    public void Options_Defaults_ArePinned()
    {
        var options = new NativeEngineOptions();

        Assert.Equal(3, options.ReproduceAttempts);
        Assert.Equal(2048, options.RssLimitMb);
        Assert.Equal(16, options.MaxHarnesses);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MinimumCampaignTime);
        Assert.True(options.UseDictionary);
        Assert.True(options.UseSeeds);
    }

    [Theory]
    [InlineData("src/parse.c", true)]
    [InlineData("lib/codec.cpp", true)]
    [InlineData("build/compile_commands.json", true)]
    [InlineData("Program.cs", false)]
    public void AppliesTo_CAndCppOrACompileDatabase(string file, bool applies)
    {
        var recon = new ReconResult { Files = [new SourceFile { FullPath = "/r/" + file, RelativePath = file, Language = SourceLanguages.FromPath(file) }] };

        Assert.Equal(applies, new NativeEngine().AppliesTo(recon));
    }
}
