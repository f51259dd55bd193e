namespace Osprey.Core.Findings;

/// <summary>Whether a finding has been proven by running it.</summary>
public enum VerificationStatus
{
    /// <summary>No proof was attempted, or no harness could be built; <see cref="Verification.Reason"/> says why.</summary>
    Unverified = 0,
    /// <summary>A concrete input made the program misbehave observably; <see cref="Verification.Proof"/> holds it.</summary>
    Confirmed = 1,
    /// <summary>Every attempted input reached the sink neutralised.</summary>
    Refuted = 2,
}

/// <summary>The outcome of the Verify stage for one finding.</summary>
public sealed record Verification
{
    /// <summary>The shared value for findings nobody tried to verify.</summary>
    public static Verification NotAttempted { get; } = new() { Status = VerificationStatus.Unverified, Reason = "not attempted" };

    /// <summary>Confirmed, refuted or unverified.</summary>
    public required VerificationStatus Status { get; init; }

    /// <summary>Why the finding is unverified or refuted; a short sentence.</summary>
    public string? Reason { get; init; }

    /// <summary>The proof, for confirmed findings.</summary>
    public Proof? Proof { get; init; }

    /// <summary>The verifier that produced this result.</summary>
    public string? Verifier { get; init; }

    /// <summary>Wall-clock time the verification took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>A confirmed result carrying <paramref name="proof"/>.</summary>
    public static Verification Confirmed(Proof proof, string verifier, TimeSpan duration) =>
        new() { Status = VerificationStatus.Confirmed, Proof = proof, Verifier = verifier, Duration = duration };

    /// <summary>A refuted result with the reason.</summary>
    public static Verification Refuted(string reason, string verifier, TimeSpan duration) =>
        new() { Status = VerificationStatus.Refuted, Reason = reason, Verifier = verifier, Duration = duration };

    /// <summary>An unverified result with the reason.</summary>
    public static Verification Unverified(string reason, string? verifier = null, TimeSpan duration = default) =>
        new() { Status = VerificationStatus.Unverified, Reason = reason, Verifier = verifier, Duration = duration };
}
