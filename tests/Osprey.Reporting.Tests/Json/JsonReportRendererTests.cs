using System.Text.Json;
using Osprey.Reporting.Json;
using Osprey.Reporting.Tests.Support;

namespace Osprey.Reporting.Tests.Json;

public class JsonReportRendererTests
{
    private readonly JsonReportRenderer _renderer = new();

    [Fact]
    public async Task RenderAsync_SampleReport_ValidatesAgainstOspreyReportSchema()
    {
        var json = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.Empty(SchemaValidator.ValidateOsprey(json));
    }

    [Fact]
    public async Task RenderAsync_EmptyReport_ValidatesAgainstOspreyReportSchema()
    {
        var json = await Render.ToStringAsync(_renderer, SampleReports.Empty());

        Assert.Empty(SchemaValidator.ValidateOsprey(json));
    }

    [Fact]
    public void SchemaValidator_WrongSchemaVersionAndMissingFields_IsRejected()
    {
        var invalid = """{ "schemaVersion": 2 }""";

        Assert.NotEmpty(SchemaValidator.ValidateOsprey(invalid));
    }

    [Fact]
    public async Task RenderAsync_TopLevel_HasSchemaVersionOneAndPropertiesInDocumentedOrder()
    {
        using var json = await Render.ToJsonAsync(_renderer, SampleReports.Sample());

        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(
            ["schemaVersion", "tool", "scan", "summary", "rules", "findings", "entryPoints", "engines", "diagnostics", "statistics"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task RenderAsync_Summary_CountsBySeverityAndVerification()
    {
        using var json = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var summary = json.RootElement.GetProperty("summary");

        Assert.Equal(4, summary.GetProperty("total").GetInt32());
        Assert.Equal(1, summary.GetProperty("bySeverity").GetProperty("critical").GetInt32());
        Assert.Equal(0, summary.GetProperty("bySeverity").GetProperty("info").GetInt32());
        Assert.Equal(1, summary.GetProperty("byVerification").GetProperty("confirmed").GetInt32());
        Assert.Equal(1, summary.GetProperty("byVerification").GetProperty("refuted").GetInt32());
        Assert.Equal(2, summary.GetProperty("byVerification").GetProperty("unverified").GetInt32());
        Assert.Equal(1, summary.GetProperty("diagnosticErrors").GetInt32());
    }

    [Fact]
    public async Task RenderAsync_Finding_EnumsAreLowerCaseStringsAndTraceIsKept()
    {
        using var json = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == "cs/path-traversal");

        Assert.Equal("medium", finding.GetProperty("severity").GetString());
        Assert.Equal("medium", finding.GetProperty("confidence").GetString());
        Assert.Equal("refuted", finding.GetProperty("verification").GetProperty("status").GetString());
        Assert.Equal(["source", "assumed", "sink"], finding.GetProperty("trace").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(SampleReports.HostileSnippet, finding.GetProperty("location").GetProperty("snippet").GetString());
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("entryPoint").ValueKind);
    }

    [Fact]
    public async Task RenderAsync_ConfirmedFinding_CarriesProofWithReplay()
    {
        using var json = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var proof = json.RootElement.GetProperty("findings")[0].GetProperty("verification").GetProperty("proof");

        Assert.Equal(SampleReports.ScriptPayload + "; id", proof.GetProperty("payload").GetString());
        Assert.Equal("text", proof.GetProperty("payloadEncoding").GetString());
        Assert.StartsWith("curl ", proof.GetProperty("replay").GetProperty("content").GetString());
    }

    [Fact]
    public async Task RenderAsync_HtmlSensitiveCharacters_AreEscapedInTheRawText()
    {
        var json = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_SameReportTwice_ProducesIdenticalBytes()
    {
        var first = await Render.ToStringAsync(_renderer, SampleReports.Sample());
        var second = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task RenderAsync_EnginesAndDiagnostics_AreAllWritten()
    {
        using var json = await Render.ToJsonAsync(_renderer, SampleReports.Sample());

        Assert.Equal(["succeeded", "failed", "failed"], json.RootElement.GetProperty("engines").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()));
        Assert.Equal(["parse-error", "engine-failed"], json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.True(json.RootElement.GetProperty("scan").GetProperty("hasEngineFailures").GetBoolean());
        Assert.Equal(3, json.RootElement.GetProperty("statistics").GetProperty("csharp.unresolved-symbols").GetInt64());
    }
}
