using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Scans;

public sealed class ScanTrackingTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Rescan_AfterOneFixAndOneNewBug_TracksNewStillPresentAndFixed(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (_, admin) = await server.CreateOrganisationAsync("Tracker");
        var asset = (await server.RegisterAssetAsync(admin, "libtrack")).GetProperty("id").GetGuid();

        var first = await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("a", "b"))), "v1");
        var second = await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", "// added line\n" + TestArchives.Source("a", "c"))), "v2");

        Assert.Equal(("succeeded", 2, 2, 0), (first.GetProperty("status").GetString(), first.GetProperty("findingCount").GetInt32(), first.GetProperty("newCount").GetInt32(), first.GetProperty("fixedCount").GetInt32()));
        Assert.Equal(("succeeded", 2, 1, 1), (second.GetProperty("status").GetString(), second.GetProperty("findingCount").GetInt32(), second.GetProperty("newCount").GetInt32(), second.GetProperty("fixedCount").GetInt32()));
        using var client = server.Client(admin);
        var findings = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{second.GetProperty("id")}/findings");
        var states = findings!.ToDictionary(f => f.GetProperty("line").GetInt32() + ":" + f.GetProperty("tracking").GetString(), f => f);
        Assert.Equal(["3:fixed", "3:still-present", "4:new"], states.Keys.Order());
        Assert.All(findings!, f => Assert.True(f.GetProperty("coordinatedDisclosure").GetBoolean()));
    }

    [Fact]
    public async Task FindingRead_WithoutExploitClearance_RedactsProofAndAuditsTheRead()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Redact");
        var asset = (await server.RegisterAssetAsync(admin, "libproof")).GetProperty("id").GetGuid();
        var scan = await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("q"))));
        var viewer = await server.CreateKeyAsync(admin, "viewer");
        var cleared = await server.CreateKeyAsync(admin, "analyst", exploitCleared: true);
        using var adminClient = server.Client(admin);
        var findingId = (await adminClient.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{scan.GetProperty("id")}/findings"))![0].GetProperty("id").GetGuid();

        var redacted = await server.Client(viewer).GetStringAsync($"/api/v1/findings/{findingId}");
        var full = await server.Client(cleared).GetStringAsync($"/api/v1/findings/{findingId}");
        var export = await server.Client(viewer).GetStringAsync($"/api/v1/assets/{asset}/findings/export");

        Assert.DoesNotContain("DROP TABLE", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE", export, StringComparison.Ordinal);
        Assert.Contains("exploit-cleared", redacted, StringComparison.Ordinal);
        Assert.Contains("EXEC( called with input", redacted, StringComparison.Ordinal);
        Assert.Contains("DROP TABLE", JsonSerializer.Deserialize<JsonElement>(full).GetProperty("proof").GetProperty("payload").GetString(), StringComparison.Ordinal);
        await using var db = server.Db();
        var kinds = await db.AuditRecords.Select(r => r.Kind).ToListAsync();
        Assert.Contains(AuditKinds.FindingRead, kinds);
        Assert.Contains(AuditKinds.ProofRead, kinds);
        Assert.Contains(AuditKinds.FindingsExported, kinds);
    }

    [Fact]
    public async Task Submit_UnverifiedOwnRepository_IsRefusedUntilTheTokenIsCommitted()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Owner");
        var asset = await server.RegisterAssetAsync(admin, "our-service", "own-repository");
        var id = asset.GetProperty("id").GetGuid();
        var token = asset.GetProperty("verificationToken").GetString()!;

        await Problems.AssertAsync(await server.SubmitAsync(admin, id, TestArchives.Zip(("app.cs", TestArchives.Source("x")))), 403, "asset-not-verified");
        var accepted = await server.SubmitAsync(admin, id, TestArchives.Zip(("repo/.osprey-verification", token + "\n"), ("repo/app.cs", TestArchives.Source("x"))));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var view = await server.Client(admin).GetFromJsonAsync<JsonElement>($"/api/v1/assets/{id}");
        Assert.Equal((true, "repository-file", false), (view.GetProperty("verified").GetBoolean(), view.GetProperty("verificationMethod").GetString(), view.GetProperty("coordinatedDisclosure").GetBoolean()));
    }

    [Fact]
    public async Task VerifyByUrl_TokenServedOnLoopback_VerifiesTheAsset()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("UrlOwner");
        var token = "";
        var site = WebApplication.CreateSlimBuilder();
        site.WebHost.UseUrls("http://127.0.0.1:0");
        await using var web = site.Build();
        web.MapGet("/.well-known/osprey-verification", () => Results.Text(token));
        await web.StartAsync();
        var asset = await server.RegisterAssetAsync(admin, "our-site", "own-repository", web.Urls.First() + "/.well-known/osprey-verification");
        var id = asset.GetProperty("id").GetGuid();
        using var client = server.Client(admin);

        await Problems.AssertAsync(await client.PostAsync($"/api/v1/assets/{id}/verification", null), 422, "token-not-found");
        token = asset.GetProperty("verificationToken").GetString()!;
        var verified = await client.PostAsync($"/api/v1/assets/{id}/verification", null);

        await OspreyTestServer.EnsureAsync(verified, HttpStatusCode.OK);
        Assert.Equal("url", (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verificationMethod").GetString());
    }
}
