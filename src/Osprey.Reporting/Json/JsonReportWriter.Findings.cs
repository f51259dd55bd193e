using System.Text.Json;
using Osprey.Core.Findings;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Json;

internal sealed partial class JsonReportWriter
{
    private async Task WriteFindingsAsync(CancellationToken cancellationToken)
    {
        _writer.WriteStartArray("findings");
        foreach (var finding in _report.Findings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteFinding(finding);
            await StreamingJson.FlushIfFullAsync(_writer, cancellationToken).ConfigureAwait(false);
        }

        _writer.WriteEndArray();
    }

    private void WriteFinding(Finding finding)
    {
        _writer.WriteStartObject();
        _writer.WriteString("fingerprint", finding.Fingerprint);
        _writer.WriteString("ruleId", finding.RuleId);
        _writer.WriteString("title", finding.Title);
        _writer.WriteString("message", finding.Message);
        _writer.WriteString("severity", finding.Severity.ToName());
        _writer.WriteString("confidence", ReportNames.Of(finding.Confidence));
        WriteCwes(finding.Cwes);
        JsonParts.WriteStringOrNull(_writer, "cvssVector", finding.CvssVector);
        _writer.WritePropertyName("location");
        WriteLocation(_writer, finding.Location);

        _writer.WriteStartArray("trace");
        foreach (var step in finding.Trace.IsDefault ? [] : finding.Trace)
        {
            _writer.WriteStartObject();
            _writer.WriteString("kind", ReportNames.Of(step.Kind));
            _writer.WriteString("description", step.Description);
            _writer.WritePropertyName("location");
            WriteLocation(_writer, step.Location);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteStartArray("relatedLocations");
        foreach (var related in finding.RelatedLocations.IsDefault ? [] : finding.RelatedLocations)
        {
            WriteLocation(_writer, related);
        }

        _writer.WriteEndArray();
        _writer.WritePropertyName("verification");
        JsonParts.WriteVerification(_writer, finding.Verification);
        JsonParts.WriteStringOrNull(_writer, "sourceKind", finding.SourceKind);
        JsonParts.WriteStringOrNull(_writer, "sinkKind", finding.SinkKind);
        _writer.WritePropertyName("entryPoint");
        if (finding.EntryPoint is { } entryPoint)
        {
            JsonParts.WriteEntryPoint(_writer, entryPoint, WriteLocation);
        }
        else
        {
            _writer.WriteNullValue();
        }

        JsonParts.WriteStringOrNull(_writer, "engine", finding.Engine);
        _writer.WriteStartObject("properties");
        foreach (var (name, value) in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _writer.WriteString(name, value);
        }

        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, SourceLocation location)
    {
        writer.WriteStartObject();
        writer.WriteString("filePath", location.FilePath);
        writer.WriteNumber("startLine", location.StartLine);
        writer.WriteNumber("startColumn", location.StartColumn);
        writer.WriteNumber("endLine", location.LastLine);
        writer.WriteNumber("endColumn", location.EndColumn);
        JsonParts.WriteStringOrNull(writer, "member", location.Member);
        JsonParts.WriteStringOrNull(writer, "snippet", location.Snippet);
        writer.WriteEndObject();
    }
}
