using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Isolation;

/// <summary>Each role, on its own organisation, can call exactly the endpoints this table allows; every mapped endpoint must be in the table.</summary>
public sealed class RoleMatrixTests
{
    private const string Org = "org-admin analyst viewer";
    private const string Write = "org-admin analyst";

    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["GET /api/v1/health"] = "anonymous",
        ["POST /api/v1/organisations/applications"] = "anonymous",
        ["GET /api/v1/organisation"] = Org,
        ["GET /api/v1/operator/organisations"] = "operator",
        ["GET /api/v1/operator/organisations/{organisationId:guid}"] = "operator",
        ["POST /api/v1/operator/organisations/{organisationId:guid}/vetting"] = "operator",
        ["PUT /api/v1/operator/organisations/{organisationId:guid}/quotas"] = "operator",
        ["GET /api/v1/keys/current"] = "operator " + Org,
        ["GET /api/v1/keys"] = "org-admin",
        ["POST /api/v1/keys"] = "org-admin",
        ["POST /api/v1/keys/{keyId:guid}/rotation"] = "org-admin",
        ["POST /api/v1/keys/{keyId:guid}/revocation"] = "org-admin",
        ["POST /api/v1/operator/keys"] = "operator",
        ["GET /api/v1/assets"] = Org,
        ["GET /api/v1/assets/{assetId:guid}"] = Org,
        ["POST /api/v1/assets"] = Write,
        ["POST /api/v1/assets/{assetId:guid}/verification"] = Write,
        ["POST /api/v1/scans"] = Write,
        ["GET /api/v1/scans"] = Org,
        ["GET /api/v1/scans/{scanId:guid}"] = Org,
        ["GET /api/v1/scans/{scanId:guid}/findings"] = Org,
        ["GET /api/v1/findings/{findingId:guid}"] = Org,
        ["GET /api/v1/assets/{assetId:guid}/findings/export"] = Org,
        ["GET /api/v1/usage"] = "org-admin",
        ["GET /api/v1/operator/usage"] = "operator",
        ["GET /api/v1/operator/audit/records"] = "operator",
        ["GET /api/v1/operator/audit/checkpoints"] = "operator",
        ["POST /api/v1/operator/audit/checkpoints"] = "operator",
        ["GET /api/v1/operator/audit/checkpoints/export"] = "operator",
        ["GET /api/v1/operator/audit/proofs/inclusion"] = "operator",
        ["GET /api/v1/operator/audit/proofs/consistency"] = "operator",
        ["POST /api/v1/operator/audit/verification"] = "operator",
        ["GET /api/v1/operator/disclosure/cases"] = "operator",
        ["GET /api/v1/operator/disclosure/cases/{caseId}"] = "operator",
        ["POST /api/v1/operator/disclosure/cases/{caseId}/sign-off"] = "operator",
        ["POST /api/v1/operator/disclosure/cases/{caseId}/status"] = "operator",
        ["POST /api/v1/operator/disclosure/cases/{caseId}/events"] = "operator",
        ["GET /api/v1/operator/disclosure/cases/{caseId}/csaf"] = "operator",
        ["GET /api/v1/operator/disclosure/cases/{caseId}/osv"] = "operator",
        ["GET /api/v1/operator/disclosure/bundle"] = "operator",
        ["GET /api/v1/operator/disclosure/outbox"] = "operator",
        ["GET /api/v1/operator/disclosure/outbox/{messageId:long}"] = "operator",
        ["POST /api/v1/operator/disclosure/outbox/{messageId:long}/delivered"] = "operator",
        ["GET /api/v1/disclosure/cases"] = Org,
        ["GET /api/v1/operator/abuse/status"] = "operator",
        ["GET /api/v1/operator/abuse/assessments"] = "operator",
        ["GET /api/v1/operator/abuse/cases"] = "operator",
        ["POST /api/v1/operator/abuse/cases/{caseId:guid}/decision"] = "operator",
        ["POST /api/v1/operator/fingerprint/identify"] = "operator",
        ["GET /api/v1/operator/fingerprint/keys"] = "operator",
    };

    [Fact]
    public async Task EveryEndpoint_EachRole_IsAllowedExactlyWhatTheTableSays()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (org, admin) = await server.CreateOrganisationAsync("Roles", new { scansPerDay = 1000, concurrentScans = 100 });
        var asset = (await server.RegisterAssetAsync(admin, "roles-lib")).GetProperty("id").GetGuid();
        var scan = await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("r"))));
        var finding = (await server.Client(admin).GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{scan.GetProperty("id")}/findings"))![0].GetProperty("id").GetGuid();
        var (otherOrg, _) = await server.CreateOrganisationAsync("Other");
        var keys = new Dictionary<string, string>
        {
            ["operator"] = server.OperatorKey,
            ["org-admin"] = admin,
            ["analyst"] = await server.CreateKeyAsync(admin, "analyst"),
            ["viewer"] = await server.CreateKeyAsync(admin, "viewer"),
        };

        var endpoints = EndpointCatalog.ApiEndpoints(server);
        Assert.Empty(endpoints.Select(e => $"{e.Method} {e.Pattern}").Except(Allowed.Keys));
        foreach (var (role, key) in keys)
        {
            using var client = server.Client(key);
            foreach (var (method, pattern) in endpoints)
            {
                // A victim key per call, so that revocation and rotation never hit the key in use.
                var victimId = Guid.NewGuid();
                if (pattern.Contains("{keyId", StringComparison.Ordinal))
                {
                    var victim = await server.CreateKeyAsync(admin, "viewer");
                    victimId = (await server.Client(victim).GetFromJsonAsync<JsonElement>("/api/v1/keys/current")).GetProperty("id").GetGuid();
                }

                var ids = new Dictionary<string, Guid> { ["organisationId"] = role == "operator" ? otherOrg : org, ["keyId"] = victimId, ["assetId"] = asset, ["scanId"] = scan.GetProperty("id").GetGuid(), ["findingId"] = finding, ["caseId"] = Guid.NewGuid() };
                var url = EndpointCatalog.Fill(pattern, ids) + (pattern.EndsWith("/scans", StringComparison.Ordinal) ? $"?assetId={asset}" : pattern.Contains("/proofs/", StringComparison.Ordinal) ? "?index=0&treeSize=1&first=1&second=1" : "");
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = TenantIsolationTests.Body(method, pattern, "token") };
                var response = await client.SendAsync(request);
                var rule = Allowed[$"{method} {pattern}"];
                var allowed = rule == "anonymous" || rule.Split(' ').Contains(role);
                Assert.True(allowed == (response.StatusCode != HttpStatusCode.Forbidden),
                    $"{role} {method} {pattern}: expected {(allowed ? "allowed" : "403")}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.True((int)response.StatusCode < 500, $"{role} {method} {pattern}: {(int)response.StatusCode}");
            }
        }
    }
}
