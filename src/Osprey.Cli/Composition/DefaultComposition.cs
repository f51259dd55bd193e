using Osprey.Core.Pipeline;
using Osprey.CSharp;

namespace Osprey.Cli;

/// <summary>The engines, recon stages and verifiers of a default scan.</summary>
internal static class DefaultComposition
{
    public static ScanPipeline CreatePipeline() => new(engines: [new CSharpEngine()]);
}
