using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Isolation;

/// <summary>
/// Organisation A's keys against every endpoint, with organisation B's ids in every route and
/// query parameter. Nothing of B may be read (no B id, name or token in any response) or changed
/// (B's rows are the same before and after).
/// </summary>
public sealed class TenantIsolationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryEndpoint_WithOrganisationAKeys_ReadsAndChangesNothingOfOrganisationB(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (bOrg, bAdmin) = await server.CreateOrganisationAsync("Bravo");
        var bAsset = await server.RegisterAssetAsync(bAdmin, "bravo-secret-project", "own-repository");
        var bAssetId = bAsset.GetProperty("id").GetGuid();
        var bToken = bAsset.GetProperty("verificationToken").GetString()!;
        var bScan = await server.ScanAsync(bAdmin, bAssetId, TestArchives.Zip((".osprey-verification", bToken), ("app.cs", TestArchives.Source("bravo"))));
        var bScanId = bScan.GetProperty("id").GetGuid();
        var bFinding = (await server.Client(bAdmin).GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{bScanId}/findings"))![0].GetProperty("id").GetGuid();
        var bViewer = await server.CreateKeyAsync(bAdmin, "viewer");
        var bKeyId = (await server.Client(bViewer).GetFromJsonAsync<JsonElement>("/api/v1/keys/current")).GetProperty("id").GetGuid();
        var (_, aAdmin) = await server.CreateOrganisationAsync("Alpha", new { scansPerDay = 1000, concurrentScans = 100 });
        var aAnalyst = await server.CreateKeyAsync(aAdmin, "analyst", exploitCleared: true);
        var aViewer = await server.CreateKeyAsync(aAdmin, "viewer");
        var before = await SnapshotAsync(server, bOrg);
        var ids = new Dictionary<string, Guid> { ["organisationId"] = bOrg, ["keyId"] = bKeyId, ["assetId"] = bAssetId, ["scanId"] = bScanId, ["findingId"] = bFinding, ["caseId"] = Guid.NewGuid() };
        string[] secrets = [bOrg.ToString(), bKeyId.ToString(), bAssetId.ToString(), bScanId.ToString(), bFinding.ToString(), "Bravo", "bravo-secret-project", bToken, bViewer[..14]];

        var endpoints = EndpointCatalog.ApiEndpoints(server);
        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} endpoints found");
        foreach (var key in new[] { aAdmin, aAnalyst, aViewer })
        {
            using var client = server.Client(key);
            foreach (var (method, pattern) in endpoints)
            {
                var url = EndpointCatalog.Fill(pattern, ids) + $"?assetId={bAssetId}&organisationId={bOrg}&scanId={bScanId}";
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(method, pattern, bToken) };
                var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{method} {pattern} → {(int)response.StatusCode}";
                Assert.True((int)response.StatusCode < 500, what + ": " + text);
                if (pattern.Contains('{') || pattern == "/api/v1/scans" && method == "POST")
                {
                    Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, what + ": " + text);
                }

                if (pattern == "/api/v1/usage")
                {
                    // A's own request history echoes the ids A itself sent; what matters is that it is A's alone.
                    if (response.IsSuccessStatusCode)
                        Assert.All(JsonSerializer.Deserialize<JsonElement[]>(text)!, u => Assert.NotEqual(bOrg.ToString(), u.GetProperty("organisationId").GetString()));
                    continue;
                }

                foreach (var secret in secrets)
                {
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} leaked '{secret}': {text}");
                }
            }
        }

        Assert.Equal(before, await SnapshotAsync(server, bOrg));
    }

    /// <summary>A valid body for each endpoint that takes one, so that the request gets past validation to the ownership check.</summary>
    internal static HttpContent? Body(string method, string pattern, string token) => (method, pattern) switch
    {
        ("POST", "/api/v1/organisations/applications") => Json(new { name = "Mallory", contactEmail = "m@m.test", purpose = "x" }),
        ("POST", "/api/v1/operator/organisations/{organisationId:guid}/vetting") => Json(new { action = "suspend", evidence = "x", operatorName = "x" }),
        ("PUT", "/api/v1/operator/organisations/{organisationId:guid}/quotas") => Json(new { scansPerDay = 0 }),
        ("POST", "/api/v1/keys") or ("POST", "/api/v1/operator/keys") => Json(new { name = "k", role = "org-admin", exploitCleared = true }),
        ("POST", "/api/v1/keys/{keyId:guid}/revocation") => Json(new { reason = "x" }),
        ("POST", "/api/v1/assets") => Json(new { kind = "third-party-project", name = "a" }),
        ("POST", "/api/v1/assets/{assetId:guid}/verification") or ("POST", "/api/v1/scans") => Zip(token),
        ("POST", "/api/v1/operator/disclosure/cases/{caseId}/sign-off") => Json(new { reviewer = "x", note = "x", maintainerChannel = "x@x.test" }),
        ("POST", "/api/v1/operator/disclosure/cases/{caseId}/status") => Json(new { status = "affected", actor = "x", summary = "x" }),
        ("POST", "/api/v1/operator/disclosure/cases/{caseId}/events") => Json(new { kind = "maintainer-responded", actor = "x", note = "x" }),
        ("POST", "/api/v1/operator/abuse/cases/{caseId:guid}/decision") => Json(new { decision = "approve", operatorName = "x", note = "x" }),
        ("POST", "/api/v1/operator/fingerprint/identify") => new StringContent("leaked text", Encoding.UTF8, "text/plain"),
        ("POST", "/api/v1/keys/{keyId:guid}/rotation") or ("POST", "/api/v1/operator/disclosure/outbox/{messageId:long}/delivered") or ("POST", "/api/v1/operator/audit/checkpoints") or ("POST", "/api/v1/operator/audit/verification") => null,
        ("GET", _) => null,
        _ => throw new Xunit.Sdk.XunitException($"no request body defined for {method} {pattern}: add one to the isolation test"),
    };

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static ByteArrayContent Zip(string token)
    {
        var content = new ByteArrayContent(TestArchives.Zip((".osprey-verification", token), ("x.cs", TestArchives.Source("x"))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        return content;
    }

    private static async Task<string> SnapshotAsync(OspreyTestServer server, Guid org)
    {
        await using var db = server.Db();
        var snapshot = new
        {
            Org = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => new { o.Status, o.ScansPerDay, o.ConcurrentScans, o.VettedAt }).SingleAsync(),
            Keys = await db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == org).OrderBy(k => k.Prefix).Select(k => new { k.Prefix, k.Role, k.RevokedAt, k.ExploitCleared }).ToListAsync(),
            Assets = await db.Assets.AsNoTracking().Where(a => a.OrganisationId == org).Select(a => new { a.Id, a.Name, a.VerifiedAt }).ToListAsync(),
            Scans = await db.ScanJobs.AsNoTracking().Where(j => j.OrganisationId == org).Select(j => new { j.Id, j.Status }).ToListAsync(),
            Findings = await db.Findings.CountAsync(f => f.OrganisationId == org),
        };
        return JsonSerializer.Serialize(snapshot);
    }
}
