using Osprey.Core.Pipeline;

namespace Osprey.Cli;

/// <summary>
/// What the commands are built from: the pipeline with its engines and verifiers. The default
/// composes every engine Osprey ships; tests pass their own.
/// </summary>
public sealed class OspreyServices
{
    /// <summary>Creates a fresh pipeline for one scan.</summary>
    public required Func<ScanPipeline> CreatePipeline { get; init; }

    /// <summary>Every engine and verifier Osprey ships.</summary>
    public static OspreyServices Default { get; } = new() { CreatePipeline = DefaultComposition.CreatePipeline };
}
