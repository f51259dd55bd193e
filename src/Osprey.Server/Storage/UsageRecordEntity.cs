namespace Osprey.Server.Storage;

/// <summary>
/// One API request or scan, kept for the retention period. Issue 8 (disclosure, abuse and
/// distillation detection) reads these: who (key, organisation, client fingerprint and address)
/// touched what (endpoint pattern and resource id), how much (sizes) and how fast (timing).
/// </summary>
internal sealed class UsageRecordEntity
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary><c>request</c> or <c>scan</c>.</summary>
    public required string Kind { get; set; }
    public Guid? KeyId { get; set; }
    public Guid? OrganisationId { get; set; }
    public required string Method { get; set; }

    /// <summary>The route pattern (<c>/api/v1/findings/{findingId}</c>), not the raw path.</summary>
    public required string Endpoint { get; set; }

    /// <summary>The resource the request named (the first route value that is an id), if any.</summary>
    public string? ResourceId { get; set; }
    public int StatusCode { get; set; }
    public long RequestBytes { get; set; }
    public long ResponseBytes { get; set; }
    public double DurationMs { get; set; }
    public string? ClientAddress { get; set; }
    public string? ClientFingerprint { get; set; }
}
