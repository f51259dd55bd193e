using System.Collections.Immutable;
using System.Net;

namespace Osprey.Server.Abuse;

/// <summary>What an API request did, in the categories the abuse signals reason about.</summary>
internal enum UsageCategory
{
    /// <summary>A scan was submitted (archive or asset reference).</summary>
    ScanSubmit,

    /// <summary>A finding (title, location, severity) was read.</summary>
    FindingRead,

    /// <summary>A finding's trace was read.</summary>
    TraceRead,

    /// <summary>A proof (payload, observed effect, replay) was read.</summary>
    ProofRead,

    /// <summary>Findings were exported in bulk (SARIF, CSAF, JSON).</summary>
    Export,

    /// <summary>A natural-language explanation was requested: reasoning rather than results.</summary>
    Explanation,
}

/// <summary>
/// What the server keeps of a submission for abuse detection: its file paths, a sample of its text,
/// and the registered asset it claims to be, if any. Never the whole archive.
/// </summary>
/// <param name="Paths">Relative paths of the files in the submission.</param>
/// <param name="TextSample">A bounded sample of the submitted text (e.g. the first 4 KiB of the sources).</param>
/// <param name="AssetId">The registered asset the submission names, or null for an anonymous archive.</param>
internal sealed record SubmissionSketch(ImmutableArray<string> Paths, string TextSample, string? AssetId = null);

/// <summary>One usage record, as the server's usage log (issue 7) keeps it.</summary>
internal sealed record UsageEvent
{
    public required DateTimeOffset At { get; init; }

    public required string KeyId { get; init; }

    public required string OrgId { get; init; }

    public required UsageCategory Category { get; init; }

    public long RequestBytes { get; init; }

    public long ResponseBytes { get; init; }

    public required IPAddress ClientAddress { get; init; }

    /// <summary>A fingerprint of the client (TLS and HTTP header shape, user agent); equal strings mean "looks like the same client".</summary>
    public required string ClientFingerprint { get; init; }

    /// <summary>Set for <see cref="UsageCategory.ScanSubmit"/>.</summary>
    public SubmissionSketch? Submission { get; init; }
}
