using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Scans;

/// <summary>One server for the class, scanning with the real C# engine, with one organisation and asset.</summary>
public sealed class ThreatModelServerFixture : IAsyncLifetime
{
    internal OspreyTestServer Server { get; private set; } = null!;

    internal string AdminKey { get; private set; } = "";

    internal Guid Asset { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await OspreyTestServer.StartAsync(pipeline: static () => new ScanPipeline([new CSharpEngine()]));
        (_, AdminKey) = await Server.CreateOrganisationAsync("Threats");
        Asset = (await Server.RegisterAssetAsync(AdminKey, "console-tool")).GetProperty("id").GetGuid();
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}

public sealed class ScanThreatModelTests(ThreatModelServerFixture fixture) : IClassFixture<ThreatModelServerFixture>
{
    /// <summary>A console tool that runs the line it reads: a local source reaching a command sink, and no remote source.</summary>
    private const string ConsoleTool = """
        using System;
        using System.Diagnostics;

        public static class Runner
        {
            public static void Main()
            {
                var command = Console.ReadLine()!;
                Process.Start(command);
            }
        }
        """;

    private static readonly TimeSpan RealScanTimeout = TimeSpan.FromMinutes(2);

    private OspreyTestServer Server => fixture.Server;

    [Fact]
    public async Task SubmitScan_WithLocalThreatModel_FindsConsoleSource()
    {
        var scan = await ScanConsoleToolAsync("threatModels=" + ScanOptions.Local);

        Assert.Equal(("succeeded", 1), (scan.GetProperty("status").GetString(), scan.GetProperty("findingCount").GetInt32()));
        Assert.Equal([ScanOptions.Local], ThreatModelsOf(scan));
        using var client = Server.Client(fixture.AdminKey);
        var finding = Assert.Single((await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{scan.GetProperty("id")}/findings"))!);
        Assert.Equal(("cs/command-injection", "Runner.cs", 9), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task SubmitScan_NoThreatModel_UsesRemote()
    {
        var scan = await ScanConsoleToolAsync(query: null);

        Assert.Equal(("succeeded", 0), (scan.GetProperty("status").GetString(), scan.GetProperty("findingCount").GetInt32()));
        Assert.Equal(ScanOptions.Default.ThreatModels.ToArray(), ThreatModelsOf(scan));
    }

    [Theory]
    [InlineData("threatModels=network", "'network'")]
    [InlineData("threatModels=remote,Local", "'Local'")]
    [InlineData("threatModels=remote,,local", "''")]
    [InlineData("threatModels=", "empty")]
    public async Task SubmitScan_UnknownThreatModel_Returns400WithReason(string query, string named)
    {
        var response = await Server.SubmitAsync(fixture.AdminKey, fixture.Asset, TestArchives.Zip(("Runner.cs", ConsoleTool)), query: query);

        var problem = await Problems.AssertAsync(response, 400, "invalid-threat-model");
        Assert.Contains(named, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        AssertNamesTheAllowedModels(problem);
    }

    [Theory]
    [InlineData("\"local\"", "the string \"local\"")]
    [InlineData("[\"remote\", 7]", "'threatModels[1]' must be a threat model name (a string), not the number 7")]
    [InlineData("[\"remote\", null]", "'threatModels[1]'")]
    [InlineData("{\"local\": true}", "an object")]
    [InlineData("[]", "empty")]
    [InlineData("[\"remote\", \"cloud\"]", "'cloud'")]
    public async Task SubmitRepositoryScan_BadThreatModels_Returns400NamingTheValue(string threatModels, string named)
    {
        using var client = Server.Client(fixture.AdminKey);
        var body = $$"""{"assetId": "{{fixture.Asset}}", "threatModels": {{threatModels}}}""";

        var response = await client.PostAsync("/api/v1/scans", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Problems.AssertAsync(response, 400, "invalid-threat-model");
        Assert.Contains(named, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        AssertNamesTheAllowedModels(problem);
    }

    [Fact]
    public async Task SubmitScan_MisspeltThreatModelsParameter_Returns400InsteadOfScanningWithTheDefault()
    {
        await using var db = Server.Db();
        var before = await db.ScanJobs.CountAsync();

        var response = await Server.SubmitAsync(fixture.AdminKey, fixture.Asset, TestArchives.Zip(("Runner.cs", ConsoleTool)), query: "threatModel=local");

        var problem = await Problems.AssertAsync(response, 400, "unknown-parameter");
        Assert.Contains("'threatModel'", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("threatModels", problem.GetProperty("hint").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await db.ScanJobs.CountAsync());
    }

    [Fact]
    public async Task SubmitRepositoryScan_ThreatModelsInTheQuery_Returns400AskingForTheBody()
    {
        using var client = Server.Client(fixture.AdminKey);

        var response = await client.PostAsJsonAsync("/api/v1/scans?threatModels=local", new { assetId = fixture.Asset });

        var problem = await Problems.AssertAsync(response, 400, "unknown-parameter");
        Assert.Contains("threatModels?", problem.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ScanConsoleToolAsync(string? query)
    {
        var response = await Server.SubmitAsync(fixture.AdminKey, fixture.Asset, TestArchives.Zip(("Runner.cs", ConsoleTool)), query: query);
        await OspreyTestServer.EnsureAsync(response, HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await Server.WaitForScanAsync(fixture.AdminKey, id, RealScanTimeout);
    }

    internal static string[] ThreatModelsOf(JsonElement scan) =>
        [.. scan.GetProperty("threatModels").EnumerateArray().Select(m => m.GetString()!)];

    private static void AssertNamesTheAllowedModels(JsonElement problem)
    {
        var explanation = problem.GetProperty("hint").GetString() + " " + problem.GetProperty("detail").GetString();
        Assert.All(ScanOptions.AllThreatModels, m => Assert.Contains($"'{m}'", explanation, StringComparison.Ordinal));
    }
}
