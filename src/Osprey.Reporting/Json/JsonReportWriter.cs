using System.Text.Json;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Json;

/// <summary>Streams one Osprey JSON report; findings are in <c>JsonReportWriter.Findings.cs</c>.</summary>
internal sealed partial class JsonReportWriter
{
    private readonly Utf8JsonWriter _writer;
    private readonly ScanReport _report;

    public JsonReportWriter(Utf8JsonWriter writer, ScanReport report)
    {
        _writer = writer;
        _report = report;
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        _writer.WriteStartObject();
        _writer.WriteNumber("schemaVersion", JsonReportRenderer.SchemaVersion);
        WriteTool();
        WriteScan();
        WriteSummary();
        WriteRules();
        await WriteFindingsAsync(cancellationToken).ConfigureAwait(false);
        WriteEntryPoints();
        JsonParts.WriteEngines(_writer, _report.Engines);
        WriteDiagnostics();
        _writer.WriteStartObject("statistics");
        foreach (var (name, value) in _report.Statistics)
        {
            _writer.WriteNumber(name, value);
        }

        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    private void WriteTool()
    {
        _writer.WriteStartObject("tool");
        _writer.WriteString("name", _report.Tool.Name);
        _writer.WriteString("version", _report.Tool.Version);
        JsonParts.WriteStringOrNull(_writer, "informationUri", _report.Tool.InformationUri);
        _writer.WriteEndObject();
    }

    private void WriteScan()
    {
        _writer.WriteStartObject("scan");
        _writer.WriteStartObject("target");
        _writer.WriteString("path", _report.Target.Path);
        _writer.WriteString("kind", ReportNames.Of(_report.Target.Kind));
        _writer.WriteString("rootDirectory", _report.Target.RootDirectory);
        _writer.WriteEndObject();
        _writer.WriteString("startedAt", _report.StartedAt.ToUniversalTime());
        _writer.WriteNumber("durationMs", ReportText.Milliseconds(_report.Duration));
        _writer.WriteNumber("fileCount", _report.FileCount);
        _writer.WriteNumber("suppressedByBaseline", _report.SuppressedByBaseline);
        _writer.WriteBoolean("hasEngineFailures", _report.HasEngineFailures);
        _writer.WriteEndObject();
    }

    private void WriteSummary()
    {
        var summary = new ReportSummary(_report);
        _writer.WriteStartObject("summary");
        _writer.WriteNumber("total", summary.Total);
        _writer.WriteStartObject("bySeverity");
        foreach (var severity in ReportNames.SeveritiesWorstFirst)
        {
            _writer.WriteNumber(severity.ToName(), summary.Count(severity));
        }

        _writer.WriteEndObject();
        _writer.WriteStartObject("byVerification");
        foreach (var status in (ReadOnlySpan<VerificationStatus>)[VerificationStatus.Confirmed, VerificationStatus.Unverified, VerificationStatus.Refuted])
        {
            _writer.WriteNumber(ReportNames.Of(status), summary.Count(status));
        }

        _writer.WriteEndObject();
        _writer.WriteNumber("diagnosticErrors", summary.Errors);
        _writer.WriteNumber("diagnosticWarnings", summary.Warnings);
        _writer.WriteEndObject();
    }

    private void WriteRules()
    {
        _writer.WriteStartArray("rules");
        foreach (var rule in new RuleIndex(_report).Rules)
        {
            _writer.WriteStartObject();
            _writer.WriteString("id", rule.Id);
            _writer.WriteString("name", rule.Name);
            WriteCwes(rule.Cwes);
            _writer.WriteString("defaultSeverity", rule.DefaultSeverity.ToName());
            _writer.WriteString("shortDescription", rule.ShortDescription);
            _writer.WriteString("fullDescription", rule.FullDescription);
            _writer.WriteString("help", rule.Help);
            _writer.WriteStartArray("tags");
            foreach (var tag in rule.AllTags.Distinct(StringComparer.Ordinal))
            {
                _writer.WriteStringValue(tag);
            }

            _writer.WriteEndArray();
            JsonParts.WriteStringOrNull(_writer, "cvssVector", rule.CvssVector);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
    }

    private void WriteEntryPoints()
    {
        _writer.WriteStartArray("entryPoints");
        foreach (var entryPoint in _report.EntryPoints)
        {
            JsonParts.WriteEntryPoint(_writer, entryPoint, WriteLocation);
        }

        _writer.WriteEndArray();
    }

    private void WriteDiagnostics()
    {
        _writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in _report.Diagnostics)
        {
            _writer.WriteStartObject();
            _writer.WriteString("level", ReportNames.Of(diagnostic.Level));
            _writer.WriteString("code", diagnostic.Code);
            _writer.WriteString("message", diagnostic.Message);
            JsonParts.WriteStringOrNull(_writer, "filePath", diagnostic.FilePath);
            JsonParts.WriteStringOrNull(_writer, "source", diagnostic.Source);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
    }

    private void WriteCwes(System.Collections.Immutable.ImmutableArray<int> cwes)
    {
        _writer.WriteStartArray("cwes");
        foreach (var cwe in cwes.IsDefault ? [] : cwes)
        {
            _writer.WriteNumberValue(cwe);
        }

        _writer.WriteEndArray();
    }
}
