using System.Text;
using System.Text.Json;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Tests.Support;

/// <summary>Renders a report to memory the way the CLI renders it to a file.</summary>
internal static class Render
{
    public static async Task<string> ToStringAsync(IReportRenderer renderer, ScanReport report)
    {
        using var stream = new MemoryStream();
        await renderer.RenderAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static async Task<JsonDocument> ToJsonAsync(IReportRenderer renderer, ScanReport report) =>
        JsonDocument.Parse(await ToStringAsync(renderer, report));
}
