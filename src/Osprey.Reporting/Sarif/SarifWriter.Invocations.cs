using Osprey.Core.Scanning;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Sarif;

internal sealed partial class SarifWriter
{
    private const string EngineFailedCode = "engine-failed";

    /// <summary>
    /// One invocation carrying every scan diagnostic as a notification, plus a notification for
    /// each failed engine that no diagnostic already describes, so that nothing is lost.
    /// </summary>
    private void WriteInvocations()
    {
        _writer.WriteStartArray("invocations");
        _writer.WriteStartObject();
        _writer.WriteBoolean("executionSuccessful", !_report.HasEngineFailures);
        _writer.WriteString("startTimeUtc", _report.StartedAt.ToUniversalTime());
        _writer.WriteString("endTimeUtc", (_report.StartedAt + _report.Duration).ToUniversalTime());
        _writer.WriteStartArray("toolExecutionNotifications");
        foreach (var diagnostic in _report.Diagnostics)
        {
            WriteNotification(diagnostic);
        }

        foreach (var engine in _report.Engines)
        {
            if (engine.Outcome == EngineOutcome.Failed && !_report.Diagnostics.Any(d => d.Code == EngineFailedCode && d.Source == engine.Name))
            {
                WriteNotification(new ScanDiagnostic
                {
                    Level = DiagnosticLevel.Error,
                    Code = EngineFailedCode,
                    Source = engine.Name,
                    Message = $"{engine.Name} failed: {engine.Error ?? "no error message"}.",
                });
            }
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
    }

    private void WriteNotification(ScanDiagnostic diagnostic)
    {
        _writer.WriteStartObject();
        _writer.WriteString("level", SarifLevels.Of(diagnostic.Level));
        WriteMessage("message", diagnostic.Message);
        _writer.WriteStartObject("descriptor");
        _writer.WriteString("id", diagnostic.Code);
        _writer.WriteEndObject();
        if (!string.IsNullOrEmpty(diagnostic.FilePath))
        {
            var (uri, baseId) = SarifUris.ForPath(diagnostic.FilePath);
            _writer.WriteStartArray("locations");
            _writer.WriteStartObject();
            _writer.WriteStartObject("physicalLocation");
            _writer.WriteStartObject("artifactLocation");
            _writer.WriteString("uri", uri);
            if (baseId is not null)
            {
                _writer.WriteString("uriBaseId", baseId);
            }

            _writer.WriteEndObject();
            _writer.WriteEndObject();
            _writer.WriteEndObject();
            _writer.WriteEndArray();
        }

        _writer.WriteStartObject("properties");
        JsonParts.WriteStringOrNull(_writer, "source", diagnostic.Source);
        _writer.WriteString("level", ReportNames.Of(diagnostic.Level));
        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }
}
