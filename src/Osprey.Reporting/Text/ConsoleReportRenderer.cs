using System.Text;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Text;

/// <summary>
/// Writes a scan as plain text for a terminal or a log: each finding with its severity, title,
/// location, message, indented trace and verification, then a summary. ANSI colour is optional;
/// control characters in scanned text are always shown as <c>\xNN</c>, so a snippet or payload
/// cannot move the cursor or recolour the terminal.
/// </summary>
public sealed class ConsoleReportRenderer : IReportRenderer
{
    /// <summary>Creates a renderer that colours its output unless the <c>NO_COLOR</c> environment variable is set and not empty.</summary>
    public ConsoleReportRenderer()
        : this(ColorAllowed(Environment.GetEnvironmentVariable("NO_COLOR")))
    {
    }

    /// <summary>Creates a renderer that uses ANSI colour exactly when <paramref name="useColor"/> is true.</summary>
    public ConsoleReportRenderer(bool useColor) => UseColor = useColor;

    /// <summary>Whether the output contains ANSI colour sequences.</summary>
    public bool UseColor { get; }

    /// <inheritdoc />
    public string Format => "text";

    /// <inheritdoc />
    public string FileExtension => ".txt";

    /// <inheritdoc />
    public async Task RenderAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await new ConsoleWriter(writer, report, new AnsiStyle(UseColor)).WriteAsync(cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <see href="https://no-color.org">NO_COLOR</see> convention: any non-empty value turns colour off.</summary>
    internal static bool ColorAllowed(string? noColor) => string.IsNullOrEmpty(noColor);
}
