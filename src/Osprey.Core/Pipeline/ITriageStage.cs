using Osprey.Core.Findings;
using Osprey.Core.Recon;

namespace Osprey.Core.Pipeline;

/// <summary>A Triage stage: deduplicates, re-scores and orders findings. Stages run in registration order.</summary>
public interface ITriageStage
{
    /// <summary>Name shown in progress and diagnostics.</summary>
    string Name { get; }

    /// <summary>Returns the triaged findings.</summary>
    IReadOnlyList<Finding> Triage(ScanContext context, ReconResult recon, IReadOnlyList<Finding> findings);
}
