namespace Osprey.Core.Findings;

/// <summary>
/// The evidence that confirms a finding: the input that was run, what the sink observed, and an
/// artifact a user can replay. Proofs contain exploit payloads: servers redact them for users
/// without the right grant.
/// </summary>
public sealed record Proof
{
    /// <summary>The entry point that was driven: <c>GET /products/search</c>, <c>Main(args)</c>, <c>LLVMFuzzerTestOneInput</c>.</summary>
    public required string EntryPoint { get; init; }

    /// <summary>The attacker input, as text (binary inputs are base64 with <see cref="PayloadEncoding"/> set).</summary>
    public required string Payload { get; init; }

    /// <summary><c>text</c> or <c>base64</c>.</summary>
    public string PayloadEncoding { get; init; } = "text";

    /// <summary>What the oracle saw at the sink: the SQL statement, the command line, the sanitizer report.</summary>
    public required string Observed { get; init; }

    /// <summary>Why the observation is exploitable, in one sentence.</summary>
    public string? Explanation { get; init; }

    /// <summary>A replay artifact: a curl command, a small test program, or a shell command.</summary>
    public ReplayArtifact? Replay { get; init; }
}

/// <summary>Something a user can run to see a proof for themselves.</summary>
public sealed record ReplayArtifact
{
    /// <summary><c>curl</c>, <c>csharp-test</c>, <c>shell</c> or <c>input-file</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The artifact's text (the command or the program).</summary>
    public required string Content { get; init; }

    /// <summary>Suggested file name when the artifact is written out.</summary>
    public string? FileName { get; init; }
}
