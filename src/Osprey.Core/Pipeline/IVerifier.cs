using Osprey.Core.Findings;
using Osprey.Core.Recon;

namespace Osprey.Core.Pipeline;

/// <summary>
/// A Verify stage: tries to prove findings by running them. Verifiers must not throw for an
/// expected failure (no harness, timeout): they return <see cref="Verification.Unverified"/> with the reason.
/// </summary>
public interface IVerifier
{
    /// <summary>Short name: <c>csharp-proof</c>.</summary>
    string Name { get; }

    /// <summary>Whether this verifier knows how to prove <paramref name="finding"/>.</summary>
    bool CanVerify(Finding finding);

    /// <summary>Attempts a proof.</summary>
    Task<Verification> VerifyAsync(ScanContext context, ReconResult recon, Finding finding, CancellationToken cancellationToken);
}
