using System.Text;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Html;

/// <summary>
/// Writes a scan as one self-contained HTML file: inline CSS and a small script, no external
/// resource, a Content-Security-Policy that admits only those two blocks by hash. It has a header,
/// counts by severity, a findings list filterable by severity, rule, verification status and free
/// text, each finding expandable to its trace, proof and related locations, and a diagnostics
/// section. Everything from the report is HTML-encoded: proofs carry attacker payloads.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string FileExtension => ".html";

    /// <inheritdoc />
    public async Task RenderAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await new HtmlWriter(writer, report).WriteAsync(cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
