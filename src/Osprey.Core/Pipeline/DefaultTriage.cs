using Osprey.Core.Findings;
using Osprey.Core.Recon;

namespace Osprey.Core.Pipeline;

/// <summary>
/// The triage every scan gets: lowers the severity of refuted findings to info, and orders
/// findings most severe first, confirmed before unverified, then by location. (Exact duplicates
/// are dropped by the pipeline before fingerprints are assigned.)
/// </summary>
public sealed class DefaultTriage : ITriageStage
{
    /// <summary>The shared instance.</summary>
    public static DefaultTriage Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "default-triage";

    /// <inheritdoc />
    public IReadOnlyList<Finding> Triage(ScanContext context, ReconResult recon, IReadOnlyList<Finding> findings) =>
        findings
            .Select(f => f.Verification.Status == VerificationStatus.Refuted ? f with { Severity = Severity.Info } : f)
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Verification.Status switch { VerificationStatus.Confirmed => 0, VerificationStatus.Unverified => 1, _ => 2 })
            .ThenBy(f => f.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.Location.StartLine)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
}
