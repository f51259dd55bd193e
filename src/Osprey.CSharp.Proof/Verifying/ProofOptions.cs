using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Sandbox;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>Options for <see cref="CSharpProofVerifier"/>.</summary>
public sealed record ProofOptions
{
    /// <summary>
    /// Returns the compilation of the project a finding belongs to (the loader's). When null, or
    /// when it returns null, the verifier parses the project's sources itself from the scan root.
    /// </summary>
    /// <value>Null.</value>
    public Func<Finding, CSharpCompilation?>? CompilationProvider { get; init; }

    /// <summary>Memory, process and output limits for each harness run; the wall-clock limit comes from <c>ScanOptions.VerifyTimeout</c>.</summary>
    /// <value><see cref="SandboxLimits.Default"/>.</value>
    public SandboxLimits Limits { get; init; } = SandboxLimits.Default;

    /// <summary>The sandbox's capabilities; detected on first use when null.</summary>
    /// <value>Null.</value>
    public SandboxCapabilities? Capabilities { get; init; }

    /// <summary>The clock used to time proofs.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Returns every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Limits.MemoryBytes < 32L * 1024 * 1024)
        {
            problems.Add($"The harness memory limit must be at least 32 MiB (was {Limits.MemoryBytes} bytes).");
        }

        if (Limits.MaxProcesses < 16)
        {
            problems.Add($"The harness process limit must be at least 16: the .NET runtime starts several threads (was {Limits.MaxProcesses}).");
        }

        return problems;
    }
}
