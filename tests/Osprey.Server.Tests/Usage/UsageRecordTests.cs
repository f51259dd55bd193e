using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Tests.Support;
using Osprey.Server.Usage;

namespace Osprey.Server.Tests.Usage;

public sealed class UsageRecordTests
{
    [Fact]
    public async Task Request_IsRecordedWithKeyOrganisationEndpointSizesTimingAndClient()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (org, admin) = await server.CreateOrganisationAsync("Metered");
        var asset = (await server.RegisterAssetAsync(admin, "libmeter")).GetProperty("id").GetGuid();
        using var client = server.Client(admin);
        var body = await client.GetStringAsync($"/api/v1/assets/{asset}");

        await server.Service<UsageRecorder>().FlushAsync();

        await using var db = server.Db();
        var record = await db.UsageRecords.SingleAsync(u => u.Endpoint == "/api/v1/assets/{assetId:guid}" && u.Method == "GET");
        var keyId = (await client.GetFromJsonAsync<JsonElement>("/api/v1/keys/current")).GetProperty("id").GetGuid();
        Assert.Equal((org, keyId, asset.ToString(), 200), (record.OrganisationId!.Value, record.KeyId!.Value, record.ResourceId, record.StatusCode));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), record.ResponseBytes);
        Assert.Equal("127.0.0.1", record.ClientAddress);
        Assert.Equal(16, record.ClientFingerprint!.Length);
        Assert.True(record.DurationMs > 0);
        var post = await db.UsageRecords.SingleAsync(u => u.Endpoint == "/api/v1/assets/" && u.Method == "POST");
        Assert.True(post.RequestBytes > 20);
    }

    [Fact]
    public async Task Scan_IsRecordedAsScanUsage()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (org, admin) = await server.CreateOrganisationAsync("ScanMeter");
        var asset = (await server.RegisterAssetAsync(admin, "libscanmeter")).GetProperty("id").GetGuid();
        var scan = await server.ScanAsync(admin, asset, TestArchives.Zip(("a.cs", TestArchives.Source("x", "y"))));
        await Task.Delay(200);

        await server.Service<UsageRecorder>().FlushAsync();

        await using var db = server.Db();
        var record = await db.UsageRecords.SingleAsync(u => u.Kind == "scan");
        Assert.Equal((org, scan.GetProperty("id").GetGuid().ToString(), 2L), (record.OrganisationId!.Value, record.ResourceId, record.ResponseBytes));
    }

    [Fact]
    public async Task Purge_AfterRetentionOnTheInjectedClock_RemovesOlderRecordsOnly()
    {
        await using var server = await OspreyTestServer.StartAsync(configure: o => o with { UsageRetention = TimeSpan.FromDays(30) });
        var (_, admin) = await server.CreateOrganisationAsync("Retained");
        await server.Client(admin).GetAsync("/api/v1/scans");
        await server.Service<UsageRecorder>().FlushAsync();
        server.Clock.Advance(TimeSpan.FromDays(31));
        await server.Client(admin).GetAsync("/api/v1/assets");
        await server.Service<UsageRecorder>().FlushAsync();

        // Advancing the fake clock fires the purge service's timer; purging once more makes the
        // outcome independent of whether that run has finished yet.
        await server.Service<UsagePurgeService>().PurgeOnceAsync();

        await using var db = server.Db();
        Assert.False(await db.UsageRecords.AnyAsync(u => u.Endpoint == "/api/v1/scans"));
        Assert.True(await db.UsageRecords.AnyAsync(u => u.Endpoint == "/api/v1/assets/"));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheVersionedApi()
    {
        await using var server = await OspreyTestServer.StartAsync();

        var document = await server.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/scans", paths);
        Assert.Contains("/api/v1/findings/{findingId}", paths);
        Assert.Contains("/api/v1/operator/audit/proofs/consistency", paths);
    }
}
