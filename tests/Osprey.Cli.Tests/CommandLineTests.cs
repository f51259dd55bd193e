using System.Text.Json;
using Osprey.Cli.Tests.Support;
using Osprey.Core.Scanning;
using Osprey.Tests.Shared;

namespace Osprey.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Version_PrintsTheToolVersion()
    {
        var run = await CliRun.RunAsync([new MarkerEngine()], "--version");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(ToolInfo.Osprey.Version, run.Terminal);
    }

    [Fact]
    public async Task Rules_Json_ListsEveryEnginesRules()
    {
        var run = await CliRun.RunAsync([new MarkerEngine()], "rules", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var rule = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("test/marker-injection", rule.GetProperty("id").GetString());
        Assert.Equal(89, rule.GetProperty("cwes")[0].GetInt32());
    }

    [Fact]
    public async Task Rules_Text_TableWithCwe()
    {
        var run = await CliRun.RunAsync([new MarkerEngine()], "rules");

        Assert.Contains("test/marker-injection", run.Terminal);
        Assert.Contains("CWE-89", run.Terminal);
    }

    [Fact]
    public async Task UnknownVerb_UsageError()
    {
        var run = await CliRun.RunAsync([new MarkerEngine()], "frobnicate");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("00:00:45", 45)]
    [InlineData("15", 15)]
    public void DurationParser_CommonForms_Parsed(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("10x")]
    [InlineData("m")]
    [InlineData("99999999999999999999h")]
    public void DurationParser_Garbage_Rejected(string text) => Assert.False(DurationParser.TryParse(text, out _));
}
