using Osprey.Reporting.Tests.Support;
using Osprey.Reporting.Text;

namespace Osprey.Reporting.Tests.Text;

public class ConsoleReportRendererTests
{
    private readonly ConsoleReportRenderer _plain = new(useColor: false);

    [Fact]
    public async Task RenderAsync_ColourOff_HasNoEscapeCharacterEvenForHostileSnippets()
    {
        var text = await Render.ToStringAsync(_plain, SampleReports.Sample());

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("\\x1B[31mred", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ColourOn_ColoursSeverityButStillNeutralisesScannedText()
    {
        var text = await Render.ToStringAsync(new ConsoleReportRenderer(useColor: true), SampleReports.Sample());

        Assert.Contains("\u001b[1;97;41mCRITICAL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[31mred", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Finding_ShowsSeverityTitleRuleLocationAndMessage()
    {
        var text = await Render.ToStringAsync(_plain, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });

        Assert.Contains(
            "HIGH     SQL injection  [cs/sql-injection · CWE-89]\n"
            + "  at src/Data/ProductRepository.cs:42:13 in Shop.Data.ProductRepository.Search(string)\n"
            + "  The query string parameter 'q' reaches SqlCommand.CommandText.\n"
            + "  entry point: GET /shop/search (anonymous)\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Trace_StepsAreNumberedAndIndentedWithTheirCodeLine()
    {
        var text = await Render.ToStringAsync(_plain, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });

        Assert.Contains(
            "  trace:\n"
            + "    1. source  src/Controllers/ShopController.cs:17:9  read from query string 'q'\n"
            + "               17 | var q = Request.Query[\"q\"];\n"
            + "    2. step    src/Data/ProductRepository.cs:40:9  concatenated into sql\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ConfirmedFinding_ShowsVerificationAndProof()
    {
        var text = await Render.ToStringAsync(_plain, SampleReports.Sample() with { Findings = [SampleReports.CommandInjection] });

        Assert.Contains("  verification: confirmed (csharp-proof, 1.2 s)\n    entry point: POST /admin/ping\n", text, StringComparison.Ordinal);
        Assert.Contains("    payload (text): " + SampleReports.ScriptPayload + "; id\n", text, StringComparison.Ordinal);
        Assert.Contains("    replay (curl): curl -X POST", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_MultiLinePayload_IsIndentedLineByLine()
    {
        var proof = SampleReports.CommandInjection.Verification.Proof! with { Payload = "line one\r\nline two" };
        var finding = SampleReports.CommandInjection with { Verification = SampleReports.CommandInjection.Verification with { Proof = proof } };
        var text = await Render.ToStringAsync(_plain, SampleReports.Sample() with { Findings = [finding] });

        Assert.Contains("    payload (text):\n      line one\n      line two\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Summary_CountsFindingsAndListsEngineFailuresAndDiagnostics()
    {
        var text = await Render.ToStringAsync(_plain, SampleReports.Sample());
        var summary = text[text.IndexOf('─', StringComparison.Ordinal)..];

        Assert.Contains("4 findings: 1 critical, 1 high, 1 medium, 1 low · 1 confirmed, 2 unverified, 1 refuted\n", summary, StringComparison.Ordinal);
        Assert.Contains("engine failed: native (DllNotFoundException: libclang)\n", summary, StringComparison.Ordinal);
        Assert.Contains("engine failed: binary (no assemblies could be read)\n", summary, StringComparison.Ordinal);
        Assert.Contains("diagnostics: 1 error(s), 1 warning(s)\n  warning parse-error  src/Broken.cs: src/Broken.cs did not parse", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_EmptyReport_SaysNoFindings()
    {
        var text = await Render.ToStringAsync(_plain, SampleReports.Empty());

        Assert.Contains("No findings.\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("1", false)]
    [InlineData("true", false)]
    public void ColorAllowed_NoColorVariable_FollowsTheNoColorConvention(string? value, bool expected)
    {
        Assert.Equal(expected, ConsoleReportRenderer.ColorAllowed(value));
    }
}
