using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Sarif;

/// <summary>
/// Writes a scan as SARIF 2.1.0: one run whose driver lists the rules (with the tags, precision
/// and <c>security-severity</c> GitHub code scanning reads), one result per finding with its
/// trace as a code flow and its fingerprint under <c>partialFingerprints["osprey/v1"]</c>, and
/// every scan diagnostic as a tool execution notification.
/// </summary>
public sealed class SarifReportRenderer : IReportRenderer
{
    /// <inheritdoc />
    public string Format => "sarif";

    /// <inheritdoc />
    public string FileExtension => ".sarif";

    /// <inheritdoc />
    public async Task RenderAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = Internal.StreamingJson.Create(output);
        await new SarifWriter(writer, report).WriteAsync(cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
