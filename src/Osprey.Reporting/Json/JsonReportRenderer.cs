using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Json;

/// <summary>
/// Writes a scan in Osprey's own JSON format (<c>schemaVersion: 1</c>), documented field by field
/// in <c>docs/report-formats.md</c> and described by <c>docs/schemas/osprey-report-1.json</c>.
/// Property names are camelCase, enums are lower-case strings, absent values are <c>null</c>,
/// and properties always appear in the same order.
/// </summary>
public sealed class JsonReportRenderer : IReportRenderer
{
    /// <summary>The version of the format this renderer writes.</summary>
    public const int SchemaVersion = 1;

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string FileExtension => ".json";

    /// <inheritdoc />
    public async Task RenderAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = Internal.StreamingJson.Create(output);
        await new JsonReportWriter(writer, report).WriteAsync(cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
