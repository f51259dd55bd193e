using Osprey.Core.Recon;

namespace Osprey.Core.Pipeline;

/// <summary>
/// A Recon stage: reads the target and adds what it learns (entry points, facts). The pipeline
/// first lists files, then runs every registered recon stage in turn on the growing result.
/// </summary>
public interface IReconStage
{
    /// <summary>Name shown in progress and diagnostics.</summary>
    string Name { get; }

    /// <summary>Returns <paramref name="recon"/> with this stage's additions.</summary>
    Task<ReconResult> RunAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken);
}
