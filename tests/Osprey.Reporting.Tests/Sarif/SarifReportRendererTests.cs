using System.Text.Json;
using Osprey.Core.Findings;
using Osprey.Reporting.Sarif;
using Osprey.Reporting.Tests.Support;

namespace Osprey.Reporting.Tests.Sarif;

public class SarifReportRendererTests
{
    private readonly SarifReportRenderer _renderer = new();

    [Fact]
    public async Task RenderAsync_SampleReport_ValidatesAgainstSarif210Schema()
    {
        var sarif = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.Empty(SchemaValidator.ValidateSarif(sarif));
    }

    [Fact]
    public async Task RenderAsync_EmptyReport_ValidatesAgainstSarif210Schema()
    {
        var sarif = await Render.ToStringAsync(_renderer, SampleReports.Empty());

        Assert.Empty(SchemaValidator.ValidateSarif(sarif));
    }

    [Fact]
    public void SchemaValidator_ResultWithoutMessage_IsRejected()
    {
        const string invalid = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"a"}]}]}
            """;

        Assert.NotEmpty(SchemaValidator.ValidateSarif(invalid));
    }

    [Fact]
    public async Task RenderAsync_Driver_HasNameVersionAndInformationUri()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var driver = Run(sarif).GetProperty("tool").GetProperty("driver");

        Assert.Equal("Osprey", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
        Assert.Equal(driver.GetProperty("version").GetString(), driver.GetProperty("semanticVersion").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
    }

    [Fact]
    public async Task RenderAsync_Rules_CarrySecuritySeverityTagsAndPrecision()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var sqlRule = Rules(sarif).Single(r => r.GetProperty("id").GetString() == "cs/sql-injection");
        var properties = sqlRule.GetProperty("properties");

        Assert.Equal("8.0", properties.GetProperty("security-severity").GetString());
        Assert.Equal("high", properties.GetProperty("precision").GetString());
        var tags = properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("security", tags);
        Assert.Contains("external/cwe/cwe-089", tags);
        Assert.Equal("error", sqlRule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("https://cwe.mitre.org/data/definitions/89.html", sqlRule.GetProperty("helpUri").GetString());
        Assert.Contains("AddWithValue", sqlRule.GetProperty("help").GetProperty("markdown").GetString());
    }

    [Fact]
    public async Task RenderAsync_RuleTagsRepeatSecurity_TagsAreUnique()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var commandRule = Rules(sarif).Single(r => r.GetProperty("id").GetString() == "cs/command-injection");
        var tags = commandRule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();

        Assert.Single(tags, "security");
    }

    [Fact]
    public async Task RenderAsync_EveryRule_HasSecuritySeverityAsNumericString()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample());

        foreach (var rule in Rules(sarif))
        {
            var value = rule.GetProperty("properties").GetProperty("security-severity").GetString();
            Assert.True(double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _), value);
        }
    }

    [Fact]
    public async Task RenderAsync_FindingWhoseRuleIsNotListed_GetsADescriptorAndAValidRuleIndex()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var rules = Rules(sarif).ToList();

        foreach (var result in Results(sarif))
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }

        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "cs/path-traversal");
    }

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    [InlineData(Severity.Info, "note")]
    public async Task RenderAsync_FindingSeverity_MapsToSarifLevel(Severity severity, string level)
    {
        var report = SampleReports.Sample() with { Findings = [SampleReports.SqlInjection with { Severity = severity }] };
        using var sarif = await Render.ToJsonAsync(_renderer, report);

        Assert.Equal(level, Results(sarif).Single().GetProperty("level").GetString());
    }

    [Fact]
    public async Task RenderAsync_EveryResult_HasOspreyPartialFingerprint()
    {
        var report = SampleReports.Sample();
        using var sarif = await Render.ToJsonAsync(_renderer, report);

        var prints = Results(sarif).Select(r => r.GetProperty("partialFingerprints").GetProperty(FindingFingerprint.SarifKey).GetString());
        Assert.Equal(report.Findings.Select(f => f.Fingerprint), prints);
    }

    [Fact]
    public async Task RenderAsync_Trace_IsMirroredByTheCodeFlow()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });
        var steps = Results(sarif).Single().GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray().ToList();
        var trace = SampleReports.SqlInjection.Trace;

        Assert.Equal(trace.Length, steps.Count);
        for (var i = 0; i < trace.Length; i++)
        {
            var location = steps[i].GetProperty("location");
            var physical = location.GetProperty("physicalLocation");
            Assert.Equal(trace[i].Description, location.GetProperty("message").GetProperty("text").GetString());
            Assert.Equal(trace[i].Location.FilePath, physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(trace[i].Location.StartLine, physical.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(trace[i].Location.Snippet, physical.GetProperty("region").GetProperty("snippet").GetProperty("text").GetString());
        }

        Assert.Contains("source", steps[0].GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains("sink", steps[^1].GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task RenderAsync_FindingWithoutTrace_HasNoCodeFlowAndARegionWithoutColumns()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.WeakHash] });
        var result = Results(sarif).Single();
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

        Assert.False(result.TryGetProperty("codeFlows", out _));
        Assert.Equal(8, region.GetProperty("startLine").GetInt32());
        Assert.False(region.TryGetProperty("startColumn", out _));
    }

    [Fact]
    public async Task RenderAsync_Location_IsRelativeToSrcRootWithTheMemberAsLogicalLocation()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });
        var location = Results(sarif).Single().GetProperty("locations")[0];
        var artifact = location.GetProperty("physicalLocation").GetProperty("artifactLocation");
        var logical = location.GetProperty("logicalLocations")[0];

        Assert.Equal("src/Data/ProductRepository.cs", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        Assert.Equal("Shop.Data.ProductRepository.Search(string)", logical.GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("Search", logical.GetProperty("name").GetString());
        Assert.Equal("file:///work/samples/Shop%20App/", Run(sarif).GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task RenderAsync_PathWithSpaceAndHash_IsPercentEncoded()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.HostilePathTraversal] });
        var uri = Results(sarif).Single().GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();

        Assert.Equal("src/My%20Files/Attach%231.cs", uri);
    }

    [Fact]
    public async Task RenderAsync_ConfirmedFinding_CarriesVerificationAndProofProperties()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.CommandInjection] });
        var properties = Results(sarif).Single().GetProperty("properties");
        var proof = properties.GetProperty("proof");

        Assert.Equal("confirmed", properties.GetProperty("verification").GetProperty("status").GetString());
        Assert.Equal("csharp-proof", properties.GetProperty("verification").GetProperty("verifier").GetString());
        Assert.Equal("POST /admin/ping", proof.GetProperty("entryPoint").GetString());
        Assert.Equal(SampleReports.ScriptPayload + "; id", proof.GetProperty("payload").GetString());
        Assert.Equal("curl", proof.GetProperty("replay").GetProperty("kind").GetString());
        Assert.Equal("9.5", properties.GetProperty("security-severity").GetString());
        Assert.Equal(["CWE-78"], properties.GetProperty("cwe").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task RenderAsync_UnverifiedFinding_CarriesReasonEntryPointAndCvss()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });
        var properties = Results(sarif).Single().GetProperty("properties");

        Assert.Equal("unverified", properties.GetProperty("verification").GetProperty("status").GetString());
        Assert.Equal("no harness for this entry point", properties.GetProperty("verification").GetProperty("reason").GetString());
        Assert.False(properties.TryGetProperty("proof", out _));
        Assert.Equal("anonymous", properties.GetProperty("entryPoint").GetProperty("auth").GetString());
        Assert.Equal("remote", properties.GetProperty("sourceKind").GetString());
        Assert.Equal("sql-injection", properties.GetProperty("sinkKind").GetString());
        Assert.StartsWith("CVSS:4.0/", properties.GetProperty("cvssVector").GetString());
    }

    [Fact]
    public async Task RenderAsync_EnginePropertyNamedLikeAnOspreyProperty_IsKeptUnderEnginePrefix()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });
        var properties = Results(sarif).Single().GetProperty("properties");

        Assert.Equal("high", properties.GetProperty("severity").GetString());
        Assert.Equal("engine-said-so", properties.GetProperty("engine/severity").GetString());
        Assert.Equal("2", properties.GetProperty("csharp.callDepth").GetString());
    }

    [Fact]
    public async Task RenderAsync_RelatedLocations_AreWrittenWithIds()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });
        var related = Results(sarif).Single().GetProperty("relatedLocations").EnumerateArray().Single();

        Assert.Equal(1, related.GetProperty("id").GetInt32());
        Assert.Equal(12, related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task RenderAsync_DiagnosticsAndEngineFailures_BecomeToolExecutionNotifications()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var invocation = Run(sarif).GetProperty("invocations")[0];
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        var ids = notifications.Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()).ToList();

        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        // The sample has a parse error, a diagnostic for the failed 'native' engine, and a failed
        // 'binary' engine with no diagnostic of its own.
        Assert.Equal(["parse-error", "engine-failed", "engine-failed"], ids);
        Assert.Contains(notifications, n => n.GetProperty("message").GetProperty("text").GetString()!.Contains("no assemblies could be read", StringComparison.Ordinal));
        var parse = notifications[0];
        Assert.Equal("warning", parse.GetProperty("level").GetString());
        Assert.Equal("src/Broken.cs", parse.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task RenderAsync_RunProperties_CarryStatisticsAndEngines()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Sample());
        var properties = Run(sarif).GetProperty("properties");

        Assert.Equal(310, properties.GetProperty("statistics").GetProperty("csharp.methods").GetInt64());
        Assert.Equal(["csharp", "native", "binary"], properties.GetProperty("engines").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("failed", properties.GetProperty("engines")[1].GetProperty("outcome").GetString());
        Assert.Equal(42, properties.GetProperty("fileCount").GetInt32());
    }

    [Fact]
    public async Task RenderAsync_EmptyReport_SucceedsWithNoResults()
    {
        using var sarif = await Render.ToJsonAsync(_renderer, SampleReports.Empty());

        Assert.Empty(Results(sarif));
        Assert.True(Run(sarif).GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public async Task RenderAsync_OutputStream_IsLeftOpen()
    {
        using var stream = new MemoryStream();

        await _renderer.RenderAsync(SampleReports.Sample(), stream, CancellationToken.None);

        Assert.True(stream.CanWrite);
    }

    private static JsonElement Run(JsonDocument sarif) => sarif.RootElement.GetProperty("runs")[0];

    private static IEnumerable<JsonElement> Rules(JsonDocument sarif) =>
        Run(sarif).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray();

    private static IEnumerable<JsonElement> Results(JsonDocument sarif) => Run(sarif).GetProperty("results").EnumerateArray();
}
