using Osprey.Reporting.Tests.Support;
using Osprey.Reporting.Text;

namespace Osprey.Reporting.Tests;

public class ReportRenderersTests
{
    [Fact]
    public void All_HasOneRendererPerFormat()
    {
        Assert.Equal(["sarif", "json", "md", "html", "text"], ReportRenderers.All.Select(r => r.Format));
        Assert.Equal([".sarif", ".json", ".md", ".html", ".txt"], ReportRenderers.All.Select(r => r.FileExtension));
    }

    [Theory]
    [InlineData("sarif", "sarif")]
    [InlineData("JSON", "json")]
    [InlineData(" md ", "md")]
    [InlineData("markdown", "md")]
    [InlineData("Markdown", "md")]
    [InlineData("html", "html")]
    [InlineData("text", "text")]
    [InlineData("console", "text")]
    public void Find_KnownNameOrAlias_ReturnsTheRenderer(string name, string format)
    {
        Assert.Equal(format, ReportRenderers.Find(name)?.Format);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownName_ReturnsNull(string? name)
    {
        Assert.Null(ReportRenderers.Find(name));
    }

    [Fact]
    public void Find_Text_IsUncolouredForFilesAndPipes()
    {
        var text = Assert.IsType<ConsoleReportRenderer>(ReportRenderers.Find("text"));

        Assert.False(text.UseColor);
    }

    [Theory]
    [InlineData("sarif")]
    [InlineData("json")]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("text")]
    public async Task RenderAsync_AnyFormat_LosesNoFindingAndNoDiagnostic(string format)
    {
        var report = SampleReports.Sample();
        var output = await Render.ToStringAsync(ReportRenderers.Find(format)!, report);

        foreach (var finding in report.Findings)
        {
            Assert.Contains(format == "md" ? finding.Location.ToString() : finding.Fingerprint, output, StringComparison.Ordinal);
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            Assert.Contains(diagnostic.Code, output, StringComparison.Ordinal);
        }

        Assert.Contains("binary", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_CancelledToken_EveryRendererStops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        foreach (var renderer in ReportRenderers.All)
        {
            using var stream = new MemoryStream();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renderer.RenderAsync(SampleReports.Sample(), stream, cancelled.Token));
        }
    }
}
