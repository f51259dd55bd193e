using Osprey.Core.Findings;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Sarif;

internal sealed partial class SarifWriter
{
    // Result property names Osprey writes itself; an engine property with the same name is kept
    // under "engine/<name>" instead of overwriting it.
    private static readonly HashSet<string> ReservedResultProperties = new(StringComparer.Ordinal)
    {
        "security-severity", "severity", "confidence", "cwe", "verification", "proof", "sourceKind",
        "sinkKind", "entryPoint", "cvssVector", "engine", "title", "tags",
    };

    private async Task WriteResultsAsync(CancellationToken cancellationToken)
    {
        _writer.WriteStartArray("results");
        foreach (var finding in _report.Findings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteResult(finding);
            await StreamingJson.FlushIfFullAsync(_writer, cancellationToken).ConfigureAwait(false);
        }

        _writer.WriteEndArray();
    }

    private void WriteResult(Finding finding)
    {
        _writer.WriteStartObject();
        _writer.WriteString("ruleId", finding.RuleId);
        _writer.WriteNumber("ruleIndex", _rules.IndexOf(finding.RuleId));
        _writer.WriteString("level", SarifLevels.Of(finding.Severity));
        WriteMessage("message", finding.Message);

        _writer.WriteStartArray("locations");
        WriteLocation(finding.Location, message: null, id: null);
        _writer.WriteEndArray();

        if (!string.IsNullOrEmpty(finding.Fingerprint))
        {
            _writer.WriteStartObject("partialFingerprints");
            _writer.WriteString(FindingFingerprint.SarifKey, finding.Fingerprint);
            _writer.WriteEndObject();
        }

        if (!finding.Trace.IsDefaultOrEmpty)
        {
            WriteCodeFlow(finding);
        }

        if (!finding.RelatedLocations.IsDefaultOrEmpty)
        {
            _writer.WriteStartArray("relatedLocations");
            for (var i = 0; i < finding.RelatedLocations.Length; i++)
            {
                WriteLocation(finding.RelatedLocations[i], message: null, id: i + 1);
            }

            _writer.WriteEndArray();
        }

        WriteResultProperties(finding);
        _writer.WriteEndObject();
    }

    private void WriteCodeFlow(Finding finding)
    {
        _writer.WriteStartArray("codeFlows");
        _writer.WriteStartObject();
        WriteMessage("message", $"{finding.Trace.Length} steps from source to sink");
        _writer.WriteStartArray("threadFlows");
        _writer.WriteStartObject();
        _writer.WriteStartArray("locations");
        var order = 0;
        foreach (var step in finding.Trace)
        {
            _writer.WriteStartObject();
            _writer.WritePropertyName("location");
            WriteLocation(step.Location, step.Description, id: null);
            _writer.WriteStartArray("kinds");
            foreach (var kind in ThreadFlowKinds(step.Kind))
            {
                _writer.WriteStringValue(kind);
            }

            _writer.WriteEndArray();
            _writer.WriteNumber("executionOrder", ++order);
            _writer.WriteString("importance", step.Kind is TraceStepKind.Source or TraceStepKind.Sink ? "essential" : "important");
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
    }

    private static string[] ThreadFlowKinds(TraceStepKind kind) => kind switch
    {
        TraceStepKind.Source => ["taint", "source"],
        TraceStepKind.Sink => ["taint", "sink"],
        TraceStepKind.Assumed => ["taint", "assumed"],
        _ => ["taint"],
    };

    private void WriteResultProperties(Finding finding)
    {
        _writer.WriteStartObject("properties");
        _writer.WriteString("title", finding.Title);
        _writer.WriteString("security-severity", SarifLevels.SecuritySeverity(finding.Severity));
        _writer.WriteString("severity", finding.Severity.ToName());
        _writer.WriteString("confidence", ReportNames.Of(finding.Confidence));
        _writer.WriteStartArray("cwe");
        foreach (var cwe in finding.Cwes.IsDefault ? [] : finding.Cwes)
        {
            _writer.WriteStringValue(CweLinks.Name(cwe));
        }

        _writer.WriteEndArray();
        _writer.WritePropertyName("verification");
        JsonParts.WriteVerification(_writer, finding.Verification);
        if (finding.Verification.Proof is { } proof)
        {
            _writer.WritePropertyName("proof");
            JsonParts.WriteProof(_writer, proof);
        }

        JsonParts.WriteStringOrNull(_writer, "sourceKind", finding.SourceKind);
        JsonParts.WriteStringOrNull(_writer, "sinkKind", finding.SinkKind);
        if (finding.EntryPoint is { } entryPoint)
        {
            _writer.WritePropertyName("entryPoint");
            JsonParts.WriteEntryPoint(_writer, entryPoint, writeLocation: null);
        }

        JsonParts.WriteStringOrNull(_writer, "cvssVector", finding.CvssVector);
        JsonParts.WriteStringOrNull(_writer, "engine", finding.Engine);
        foreach (var (name, value) in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _writer.WriteString(ReservedResultProperties.Contains(name) ? "engine/" + name : name, value);
        }

        _writer.WriteEndObject();
    }
}
