using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.Native.Tests.Support;

/// <summary>Runs the real pipeline with the native engine and recon stage over a folder.</summary>
internal static class NativeScanRunner
{
    public static Task<ScanReport> ScanAsync(TestPrograms programs, TimeSpan fuzzTime, int harnesses)
    {
        // Campaigns are short because the test programs' bugs are shallow; the budget is split
        // evenly, so each harness gets fuzzTime / harnesses.
        var options = new NativeEngineOptions
        {
            WorkDirectory = programs.Work,
            JobsPerCampaign = 1,
            MinimumCampaignTime = fuzzTime > TimeSpan.Zero ? fuzzTime / Math.Max(1, harnesses) : TimeSpan.FromSeconds(1),
            MinimizeTime = TimeSpan.FromSeconds(1),
            ReproduceTimeout = TimeSpan.FromSeconds(20),
        };
        var pipeline = new ScanPipeline([new NativeEngine(options)], [new NativeReconStage(options)]);
        var target = ScanTarget.TryCreate(programs.Root, out var error) ?? throw new InvalidOperationException(error);
        return pipeline.RunAsync(target, ScanOptions.Default with { FuzzTime = fuzzTime });
    }
}
