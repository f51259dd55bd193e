using Osprey.Core.Scanning;

namespace Osprey.Core.Pipeline;

/// <summary>A Report stage: writes a finished scan in one format.</summary>
public interface IReportRenderer
{
    /// <summary>The format's name on the command line: <c>sarif</c>, <c>json</c>, <c>md</c>, <c>html</c>, <c>text</c>.</summary>
    string Format { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string FileExtension { get; }

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> (left open).</summary>
    Task RenderAsync(ScanReport report, Stream output, CancellationToken cancellationToken);
}
