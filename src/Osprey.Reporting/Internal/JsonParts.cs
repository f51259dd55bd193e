using System.Text.Json;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Internal;

/// <summary>
/// The JSON shapes of verification, proof, entry point and engine runs, written identically into Osprey's
/// JSON report and into SARIF property bags so that a consumer reads them the same way in both.
/// </summary>
internal static class JsonParts
{
    public static void WriteEngines(Utf8JsonWriter writer, IEnumerable<EngineRun> engines)
    {
        writer.WriteStartArray("engines");
        foreach (var engine in engines)
        {
            writer.WriteStartObject();
            writer.WriteString("name", engine.Name);
            writer.WriteString("outcome", ReportNames.Of(engine.Outcome));
            writer.WriteNumber("durationMs", ReportText.Milliseconds(engine.Duration));
            writer.WriteNumber("findings", engine.Findings);
            WriteStringOrNull(writer, "error", engine.Error);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteVerification(Utf8JsonWriter writer, Verification verification)
    {
        writer.WriteStartObject();
        writer.WriteString("status", ReportNames.Of(verification.Status));
        WriteStringOrNull(writer, "reason", verification.Reason);
        WriteStringOrNull(writer, "verifier", verification.Verifier);
        writer.WriteNumber("durationMs", ReportText.Milliseconds(verification.Duration));
        writer.WritePropertyName("proof");
        if (verification.Proof is { } proof)
        {
            WriteProof(writer, proof);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    public static void WriteProof(Utf8JsonWriter writer, Proof proof)
    {
        writer.WriteStartObject();
        writer.WriteString("entryPoint", proof.EntryPoint);
        writer.WriteString("payload", proof.Payload);
        writer.WriteString("payloadEncoding", proof.PayloadEncoding);
        writer.WriteString("observed", proof.Observed);
        WriteStringOrNull(writer, "explanation", proof.Explanation);
        writer.WritePropertyName("replay");
        if (proof.Replay is { } replay)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", replay.Kind);
            writer.WriteString("content", replay.Content);
            WriteStringOrNull(writer, "fileName", replay.FileName);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an entry point; its location is written by <paramref name="writeLocation"/> so each format keeps its own location shape.</summary>
    public static void WriteEntryPoint(Utf8JsonWriter writer, EntryPoint entryPoint, Action<Utf8JsonWriter, SourceLocation>? writeLocation)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", ReportNames.Of(entryPoint.Kind));
        writer.WriteString("name", entryPoint.Name);
        WriteStringOrNull(writer, "handler", entryPoint.Handler);
        WriteStringOrNull(writer, "httpMethod", entryPoint.HttpMethod);
        WriteStringOrNull(writer, "route", entryPoint.Route);
        writer.WriteString("auth", ReportNames.Of(entryPoint.Auth));
        writer.WriteStartArray("roles");
        foreach (var role in entryPoint.Roles)
        {
            writer.WriteStringValue(role);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("antiForgery", entryPoint.AntiForgery);
        if (writeLocation is not null)
        {
            writer.WritePropertyName("location");
            if (entryPoint.Location is { } location)
            {
                writeLocation(writer, location);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }

    public static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
