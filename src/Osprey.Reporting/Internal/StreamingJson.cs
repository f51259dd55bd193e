using System.Text.Encodings.Web;
using System.Text.Json;

namespace Osprey.Reporting.Internal;

/// <summary>Creates JSON writers for the report formats and flushes them in bounded chunks.</summary>
internal static class StreamingJson
{
    // Large enough that flushing costs little, small enough that memory stays flat for huge reports.
    private const int FlushThreshold = 64 * 1024;

    public static Utf8JsonWriter Create(Stream output) => new(output, new JsonWriterOptions
    {
        Indented = true,
        // The default encoder also escapes '<', '>', '&' and quotes, so a report pasted into a
        // web page cannot close a script element; non-ASCII text is escaped too, which is valid JSON.
        Encoder = JavaScriptEncoder.Default,
    });

    public static ValueTask FlushIfFullAsync(Utf8JsonWriter writer, CancellationToken cancellationToken) =>
        writer.BytesPending >= FlushThreshold ? new ValueTask(writer.FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
}
