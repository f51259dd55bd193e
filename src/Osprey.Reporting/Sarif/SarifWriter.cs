using System.Text.Json;
using Osprey.Core.Scanning;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Sarif;

/// <summary>
/// Streams one SARIF log with a single run. Split by concern: rules, results, locations and
/// invocations live in the partial files beside this one.
/// </summary>
internal sealed partial class SarifWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private readonly Utf8JsonWriter _writer;
    private readonly ScanReport _report;
    private readonly RuleIndex _rules;

    public SarifWriter(Utf8JsonWriter writer, ScanReport report)
    {
        _writer = writer;
        _report = report;
        _rules = new RuleIndex(report);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        _writer.WriteStartObject();
        _writer.WriteString("$schema", SchemaUri);
        _writer.WriteString("version", "2.1.0");
        _writer.WriteStartArray("runs");
        _writer.WriteStartObject();

        WriteTool();
        WriteInvocations();
        _writer.WriteStartObject("originalUriBaseIds");
        _writer.WriteStartObject(SarifUris.SourceRootId);
        _writer.WriteString("uri", SarifUris.RootUri(_report.Target.RootDirectory));
        _writer.WriteEndObject();
        _writer.WriteEndObject();

        await WriteResultsAsync(cancellationToken).ConfigureAwait(false);

        // Roslyn and clang report columns in UTF-16 code units.
        _writer.WriteString("columnKind", "utf16CodeUnits");
        WriteRunProperties();

        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
    }

    private void WriteTool()
    {
        var tool = _report.Tool;
        _writer.WriteStartObject("tool");
        _writer.WriteStartObject("driver");
        _writer.WriteString("name", tool.Name);
        _writer.WriteString("version", tool.Version);
        _writer.WriteString("semanticVersion", tool.Version);
        if (Uri.TryCreate(tool.InformationUri, UriKind.Absolute, out var information))
        {
            _writer.WriteString("informationUri", information.AbsoluteUri);
        }

        WriteRules();
        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    private void WriteRunProperties()
    {
        _writer.WriteStartObject("properties");
        _writer.WriteStartObject("target");
        _writer.WriteString("path", _report.Target.Path);
        _writer.WriteString("kind", ReportNames.Of(_report.Target.Kind));
        _writer.WriteEndObject();
        _writer.WriteString("startedAt", _report.StartedAt.ToUniversalTime());
        _writer.WriteNumber("durationMs", ReportText.Milliseconds(_report.Duration));
        _writer.WriteNumber("fileCount", _report.FileCount);
        _writer.WriteNumber("suppressedByBaseline", _report.SuppressedByBaseline);
        _writer.WriteNumber("entryPointCount", _report.EntryPoints.Length);
        _writer.WriteStartObject("statistics");
        foreach (var (name, value) in _report.Statistics)
        {
            _writer.WriteNumber(name, value);
        }

        _writer.WriteEndObject();
        JsonParts.WriteEngines(_writer, _report.Engines);
        _writer.WriteEndObject();
    }
}
