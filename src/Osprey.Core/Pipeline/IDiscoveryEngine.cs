using Osprey.Core.Recon;
using Osprey.Core.Rules;

namespace Osprey.Core.Pipeline;

/// <summary>
/// A Discover engine for one or more languages. Engines stream findings into
/// <see cref="ScanContext.Report(Findings.Finding)"/> as they find them, so that a crash later in the engine does
/// not lose what was already found.
/// </summary>
public interface IDiscoveryEngine
{
    /// <summary>Short name: <c>csharp-taint</c>, <c>native-fuzz</c>.</summary>
    string Name { get; }

    /// <summary>The rules this engine can report.</summary>
    IReadOnlyList<Rule> Rules { get; }

    /// <summary>Whether the engine has anything to do for this target.</summary>
    bool AppliesTo(ReconResult recon);

    /// <summary>Runs the engine to completion or cancellation.</summary>
    Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken);
}
