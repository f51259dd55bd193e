using System.Text.Json;
using Osprey.Cli.Tests.Support;
using Osprey.Tests.Shared;

namespace Osprey.Cli.Tests.Scan;

public sealed class ScanCommandTests
{
    [Fact]
    public async Task Scan_JsonToRedirectedStdout_OnlyTheReport()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder.Path, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal(2, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Empty(run.Terminal);
    }

    [Theory]
    [InlineData("high", ExitCodes.FindingsAtOrAboveThreshold)]
    [InlineData("critical", ExitCodes.Success)]
    [InlineData("low", ExitCodes.FindingsAtOrAboveThreshold)]
    public async Task Scan_FailOn_ExitCodeFollowsTheThreshold(string severity, int expected)
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder.Path, "--format", "json", "--fail-on", severity);

        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public async Task Scan_FailOnConfirmedOnly_UnconfirmedFindingsDoNotFail()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder.Path, "--format", "json", "--fail-on", "low", "--confirmed-only");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task Scan_OneEngineCrashes_OtherEnginesFindingsWrittenAndErrorOnStderr()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);
        var crashing = new MarkerEngine("crashing", crashOn: _ => true);

        var run = await CliRun.RunAsync([new MarkerEngine("healthy"), crashing], "scan", folder.Path, "--format", "json", "--fail-on", "high");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal(2, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains("crashing failed", run.StandardError);
    }

    [Fact]
    public async Task Scan_EveryEngineCrashes_ScanFailed()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine("crashing", crashOn: _ => true)], "scan", folder.Path, "--format", "json");

        Assert.Equal(ExitCodes.ScanFailed, run.ExitCode);
        Assert.Contains("every engine failed", run.StandardError);
    }

    [Fact]
    public async Task Scan_OutputPerFormat_WritesEachFile()
    {
        using var folder = new TempFolder();
        folder.Write("src/A.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder["src"],
            "--format", "sarif", "--output", folder["out/r.sarif"], "--format", "html", "--output", folder["out/r.html"], "--format", "md", "--output", folder["out/r.md"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(run.StandardOutput);
        using var sarif = JsonDocument.Parse(File.ReadAllText(folder["out/r.sarif"]));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Contains("<html", File.ReadAllText(folder["out/r.html"]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Marker injection", File.ReadAllText(folder["out/r.md"]));
    }

    [Fact]
    public async Task Scan_OutputDirectory_OneFilePerFormat()
    {
        using var folder = new TempFolder();
        folder.Write("src/A.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder["src"], "--format", "json", "--format", "sarif", "--output-dir", folder["reports"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(folder["reports/osprey.json"]));
        Assert.True(File.Exists(folder["reports/osprey.sarif"]));
    }

    [Fact]
    public async Task Scan_Baseline_ReportsOnlyNewFindings()
    {
        using var folder = new TempFolder();
        folder.Write("src/A.cs", Programs.Vulnerable);
        var first = await CliRun.RunAsync([new MarkerEngine()], "scan", folder["src"], "--format", "sarif", "--output", folder["base.sarif"]);
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        folder.Write("src/B.cs", Programs.Vulnerable.Replace("class Sample", "class Other", StringComparison.Ordinal).Replace("where x", "where y", StringComparison.Ordinal));

        var second = await CliRun.RunAsync([new MarkerEngine()], "scan", folder["src"], "--format", "json", "--baseline", folder["base.sarif"], "--fail-on", "high");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, second.ExitCode);
        using var json = JsonDocument.Parse(second.StandardOutput);
        var findings = json.RootElement.GetProperty("findings");
        Assert.Equal(2, findings.GetArrayLength());
        Assert.All(findings.EnumerateArray(), f => Assert.Equal("B.cs", f.GetProperty("location").GetProperty("filePath").GetString()));
    }

    [Fact]
    public async Task Scan_IncludeGlob_OnlyMatchingFiles()
    {
        using var folder = new TempFolder();
        folder.Write("src/A.cs", Programs.Vulnerable);
        folder.Write("tests/T.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder.Path, "--format", "json", "--include", "src/**");

        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.StartsWith("src/", f.GetProperty("location").GetProperty("filePath").GetString()));
    }

    [Fact]
    public async Task Scan_Terminal_ShowsProgressAndTextReport()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);
        var services = new OspreyServices { CreatePipeline = () => new Core.Pipeline.ScanPipeline([new MarkerEngine()]) };

        var run = await CliRun.RunAsync(services, outputIsTerminal: true, "scan", folder.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Marker injection", run.StandardOutput);
        Assert.Contains("A.cs:6", run.StandardOutput);
    }
}
