using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Keys;
using Osprey.Server.Tests.Support;
using Osprey.Server.Usage;

namespace Osprey.Server.Tests.Keys;

public sealed class KeyLifecycleTests : IAsyncLifetime
{
    private OspreyTestServer _server = null!;
    private Guid _org;
    private string _admin = "";

    public async Task InitializeAsync()
    {
        _server = await OspreyTestServer.StartAsync();
        (_org, _admin) = await _server.CreateOrganisationAsync("Keys");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Key_IsStoredOnlyAsKeyedHashWithVisiblePrefix()
    {
        var key = await _server.CreateKeyAsync(_admin, "viewer");

        await using var db = _server.Db();
        var row = await db.ApiKeys.SingleAsync(k => k.Prefix == ApiKeySecret.PrefixOf(key));
        Assert.StartsWith(row.Prefix + "_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, JsonSerializer.Serialize(row), StringComparison.Ordinal);
        Assert.Equal(32, row.Hash.Length);
        Assert.False(ApiKeySecret.Matches(new byte[32], key, row.Hash));
    }

    [Fact]
    public async Task Request_WithoutKey_Is401KeyMissing() =>
        await Problems.AssertAsync(await _server.Client().GetAsync("/api/v1/scans"), 401, "key-missing");

    [Fact]
    public async Task Request_WithWrongSecretForKnownPrefix_Is401KeyInvalid()
    {
        var key = await _server.CreateKeyAsync(_admin, "viewer");
        var forged = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        await Problems.AssertAsync(await _server.Client(forged).GetAsync("/api/v1/scans"), 401, "key-invalid");
    }

    [Fact]
    public async Task Request_WithExpiredKey_Is401KeyExpiredAndIsAuditedAndLogged()
    {
        var key = await _server.CreateKeyAsync(_admin, "viewer", expiresInDays: 1);
        Assert.Equal(HttpStatusCode.OK, (await _server.Client(key).GetAsync("/api/v1/scans")).StatusCode);

        _server.Clock.Advance(TimeSpan.FromDays(2));

        await Problems.AssertAsync(await _server.Client(key).GetAsync("/api/v1/scans"), 401, "key-expired");
        await _server.Service<UsageRecorder>().FlushAsync();
        await using var db = _server.Db();
        Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKinds.KeyRejected && r.Entry.Contains("key-expired")));
        Assert.True(await db.UsageRecords.AnyAsync(u => u.StatusCode == 401 && u.Endpoint == "/api/v1/scans"));
    }

    [Fact]
    public async Task Rotate_RevokesOldKeyAndIssuesWorkingReplacement()
    {
        var old = await _server.CreateKeyAsync(_admin, "analyst", exploitCleared: true);
        using var admin = _server.Client(_admin);
        var oldId = (await _server.Client(old).GetFromJsonAsync<JsonElement>("/api/v1/keys/current")).GetProperty("id").GetGuid();

        var rotated = await admin.PostAsync($"/api/v1/keys/{oldId}/rotation", null);

        await OspreyTestServer.EnsureAsync(rotated, HttpStatusCode.Created);
        var body = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var replacement = body.GetProperty("secret").GetString()!;
        Assert.Equal(("analyst", true), (body.GetProperty("key").GetProperty("role").GetString(), body.GetProperty("key").GetProperty("exploitCleared").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, (await _server.Client(replacement).GetAsync("/api/v1/scans")).StatusCode);
        var refused = await Problems.AssertAsync(await _server.Client(old).GetAsync("/api/v1/scans"), 401, "key-revoked");
        Assert.Contains("replacement", refused.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_KeyStopsWorkingAtOnce()
    {
        var key = await _server.CreateKeyAsync(_admin, "viewer");
        var id = (await _server.Client(key).GetFromJsonAsync<JsonElement>("/api/v1/keys/current")).GetProperty("id").GetGuid();

        var revoked = await _server.Client(_admin).PostAsJsonAsync($"/api/v1/keys/{id}/revocation", new { reason = "laptop lost" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await Problems.AssertAsync(await _server.Client(key).GetAsync("/api/v1/scans"), 401, "key-revoked");
    }

    [Fact]
    public async Task SuspendedOrganisation_NothingWorksUntilReactivated()
    {
        using var op = _server.Client(_server.OperatorKey);
        await OspreyTestServer.EnsureAsync(await op.PostAsJsonAsync($"/api/v1/operator/organisations/{_org}/vetting", new { action = "suspend", evidence = "abuse report 7", operatorName = "Olga" }), HttpStatusCode.OK);

        await Problems.AssertAsync(await _server.Client(_admin).GetAsync("/api/v1/scans"), 403, "organisation-not-active");
        await Problems.AssertAsync(await _server.Client(_admin).PostAsJsonAsync("/api/v1/assets", new { kind = "third-party-project", name = "x" }), 403, "organisation-not-active");

        await OspreyTestServer.EnsureAsync(await op.PostAsJsonAsync($"/api/v1/operator/organisations/{_org}/vetting", new { action = "activate", evidence = "resolved", operatorName = "Olga" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await _server.Client(_admin).GetAsync("/api/v1/scans")).StatusCode);
    }

    [Fact]
    public async Task PendingOrganisation_ItsFirstKeyDoesNotWorkAndVettingNeedsEvidence()
    {
        var applied = await _server.Client().PostAsJsonAsync("/api/v1/organisations/applications", new { name = "Pending Ltd", contactEmail = "sec@pending.test", purpose = "audit" });
        var body = await applied.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetProperty("secret").GetString()!;
        var id = body.GetProperty("organisation").GetProperty("id").GetGuid();

        await Problems.AssertAsync(await _server.Client(key).GetAsync("/api/v1/organisation"), 403, "organisation-not-active");
        await Problems.AssertAsync(await _server.Client(_server.OperatorKey).PostAsJsonAsync($"/api/v1/operator/organisations/{id}/vetting", new { action = "activate", evidence = " ", operatorName = "Olga" }), 400, "evidence-required");
        await Problems.AssertAsync(await _server.Client(_server.OperatorKey).PostAsJsonAsync($"/api/v1/operator/organisations/{id}/vetting", new { action = "suspend", evidence = "x", operatorName = "Olga" }), 409, "invalid-transition");
    }

    [Fact]
    public async Task Json_Malformed_Is400InvalidJson() =>
        await Problems.AssertAsync(await Post("{\"kind\": \"third-party-project\", \"name\": "), 400, "invalid-json");

    [Fact]
    public async Task Json_UnknownField_Is400UnknownFieldAndStoresNothing()
    {
        await Problems.AssertAsync(await Post("{\"kind\":\"third-party-project\",\"name\":\"x\",\"isAdmin\":true}"), 400, "unknown-field");
        await using var db = _server.Db();
        Assert.Equal(0, await db.Assets.CountAsync(a => a.OrganisationId == _org));
    }

    [Fact]
    public async Task Json_MissingRequiredField_Is400InvalidJson() =>
        await Problems.AssertAsync(await Post("{\"kind\":\"third-party-project\"}"), 400, "invalid-json");

    [Fact]
    public async Task Json_OversizedBody_Is413BodyTooLarge() =>
        await Problems.AssertAsync(await Post("{\"kind\":\"third-party-project\",\"name\":\"" + new string('a', 100_000) + "\"}"), 413, "body-too-large");

    [Fact]
    public async Task UnknownRouteAndBadId_AreProblems()
    {
        await Problems.AssertAsync(await _server.Client(_admin).GetAsync("/api/v1/nothing-here"), 404, "not-found");
        await Problems.AssertAsync(await _server.Client(_admin).GetAsync("/api/v1/scans/not-a-guid"), 404, "not-found");
        await Problems.AssertAsync(await _server.Client(_admin).GetAsync($"/api/v1/scans/{Guid.NewGuid()}"), 404, "not-found");
    }

    private Task<HttpResponseMessage> Post(string json) =>
        _server.Client(_admin).PostAsync("/api/v1/assets", new StringContent(json, Encoding.UTF8, "application/json"));
}
