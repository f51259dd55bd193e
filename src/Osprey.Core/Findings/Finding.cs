using System.Collections.Immutable;

namespace Osprey.Core.Findings;

/// <summary>
/// A weakness found in the target: what rule it breaks, where, how the attacker's data gets
/// there (the trace), whether it has been proven, and a fingerprint that identifies it across scans.
/// </summary>
public sealed record Finding
{
    /// <summary>The rule's id, e.g. <c>cs/sql-injection</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>CWE numbers, most specific first.</summary>
    public ImmutableArray<int> Cwes { get; init; } = [];

    /// <summary>Short title: "SQL injection".</summary>
    public required string Title { get; init; }

    /// <summary>The finding in one or two sentences, specific to this place.</summary>
    public required string Message { get; init; }

    /// <summary>Severity after triage (reachability, authentication, proof).</summary>
    public Severity Severity { get; init; } = Severity.Medium;

    /// <summary>A CVSS 4.0 vector where known, e.g. <c>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N</c>.</summary>
    public string? CvssVector { get; init; }

    /// <summary>The engine's confidence before verification.</summary>
    public Confidence Confidence { get; init; } = Confidence.Medium;

    /// <summary>The primary location: the sink.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Ordered steps from source to sink; empty for findings without a flow (e.g. a weak hash).</summary>
    public ImmutableArray<TraceStep> Trace { get; init; } = [];

    /// <summary>Other places worth showing (the declaration of a key, the validator that was missing).</summary>
    public ImmutableArray<SourceLocation> RelatedLocations { get; init; } = [];

    /// <summary>Whether the finding has been proven, with the proof or the reason.</summary>
    public Verification Verification { get; init; } = Verification.NotAttempted;

    /// <summary>The threat model of the source: <c>remote</c> or <c>local</c>; null without a source.</summary>
    public string? SourceKind { get; init; }

    /// <summary>The sink kind: <c>sql-injection</c>, <c>command-injection</c>, …</summary>
    public string? SinkKind { get; init; }

    /// <summary>The entry point through which the source is reached, when known.</summary>
    public EntryPoint? EntryPoint { get; init; }

    /// <summary>The engine that produced the finding.</summary>
    public string? Engine { get; init; }

    /// <summary>
    /// Stable identity across scans; see <see cref="FindingFingerprint"/>. Computed by the pipeline
    /// when an engine leaves it empty.
    /// </summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Extra engine-specific facts, rendered as SARIF result properties.</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;
}
