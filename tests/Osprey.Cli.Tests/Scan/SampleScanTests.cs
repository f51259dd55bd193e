using Osprey.Tests.Shared;
using System.Text.Json;
using Osprey.Cli.Tests.Support;
using Osprey.Reporting.Tests.Support;

namespace Osprey.Cli.Tests.Scan;

/// <summary>The README's main command, with the engines Osprey ships, on the bundled sample.</summary>
public sealed class SampleScanTests
{
    private static string ShopApp => Path.Combine(RepositoryRoot(), "samples", "ShopApp");

    [Fact]
    public async Task Scan_ShopAppToSarif_ValidatesAgainstTheSarif210Schema()
    {
        using var folder = new TempFolder();
        var output = folder["out.sarif"];

        var run = await CliRun.RunAsync(OspreyServices.Default, outputIsTerminal: false, "scan", ShopApp, "--format", "sarif", "--output", output);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var sarif = await File.ReadAllTextAsync(output);
        Assert.Empty(SchemaValidator.ValidateSarif(sarif));
        using var document = JsonDocument.Parse(sarif);
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.True(results.GetArrayLength() >= 10, $"expected the sample's vulnerabilities, got {results.GetArrayLength()} results");
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "cs/sql-injection" && r.TryGetProperty("codeFlows", out _));
    }

    [Fact]
    public async Task Scan_ShopAppFailOnHigh_ExitsOne()
    {
        var run = await CliRun.RunAsync(OspreyServices.Default, outputIsTerminal: false, "scan", ShopApp, "--format", "json", "--fail-on", "high");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Osprey.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Osprey.slnx not found above the test assembly.");
    }
}
