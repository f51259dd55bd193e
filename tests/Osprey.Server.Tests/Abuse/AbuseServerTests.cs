using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Abuse;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Abuse;

/// <summary>The abuse monitor in the running server: sketches at submission, runs on the server's clock, actions applied and audited, the review queue.</summary>
public sealed class AbuseServerTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Submissions_AreSketchedWithTheirScopeResult(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (_, admin, _) = await SubmitOutOfScopeAsync(server);

        await using var db = server.Db();
        var features = await db.SubmissionFeatures.OrderBy(s => s.At).ToListAsync();
        Assert.Equal([true, true, false, false, false], features.Select(f => f.InScope).ToArray());
        Assert.Equal("first scan of the asset", features[0].ScopeReason);
        Assert.StartsWith("1 of 1 paths seen", features[1].ScopeReason);
        Assert.StartsWith("only 0 of 2 paths seen", features[2].ScopeReason);
        Assert.Contains("EXEC(", features[0].TextSample);
        Assert.Equal("[\"other/a1.cs\",\"other/b1.cs\"]", features[2].PathsJson);
        Assert.All(features, f => Assert.Equal("127.0.0.1", f.ClientAddress));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task OutOfScopeSubmissions_MonitorRun_OpensAuditedReviewCaseWithScopeEvidence(string database)
    {
        await using var server = await StartAsync(database, new AbuseMonitoringOptions());
        var (org, admin, keyId) = await SubmitOutOfScopeAsync(server);

        await RunMonitorAsync(server);

        using var op = server.Client(server.OperatorKey);
        var cases = (await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/abuse/cases"))!;
        var c = Assert.Single(cases);
        Assert.Equal(("key", keyId.ToString(), "open"), (c.GetProperty("subjectKind").GetString(), c.GetProperty("subjectId").GetString(), c.GetProperty("status").GetString()));
        Assert.Equal("throttle", c.GetProperty("level").GetString());
        var scope = Assert.Single(c.GetProperty("evidence").EnumerateArray(), r => r.GetProperty("signal").GetString() == "scope");
        Assert.Contains("3 of 5 submissions", scope.GetProperty("explanation").GetString());
        await using var db = server.Db();
        var audit = await db.AuditRecords.SingleAsync(r => r.Kind == AuditKinds.AbuseAction);
        Assert.Equal(org, audit.OrganisationId);
        Assert.Contains("throttle", audit.Entry);
        Assert.NotEmpty(await db.AbuseAssessments.Where(a => a.SubjectId == keyId.ToString()).ToListAsync());
    }

    [Fact]
    public async Task SameEvidence_NextRun_RefreshesTheCaseWithoutAnotherAction()
    {
        await using var server = await StartAsync("sqlite", new AbuseMonitoringOptions());
        await SubmitOutOfScopeAsync(server);

        await RunMonitorAsync(server);
        await RunMonitorAsync(server);

        await using var db = server.Db();
        Assert.Equal(1, await db.AbuseCases.CountAsync());
        Assert.Equal(1, await db.AuditRecords.CountAsync(r => r.Kind == AuditKinds.AbuseAction));
        Assert.Equal(2, await db.AbuseAssessments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SuspendAction_RefusesTheKeyUntilAnOperatorApproves(string database)
    {
        await using var server = await StartAsync(database, new AbuseMonitoringOptions { AlertAt = null, ThrottleAt = null, ReviewAt = null, SuspendAt = 0.5 });
        var (_, admin, _) = await SubmitOutOfScopeAsync(server);
        await RunMonitorAsync(server);
        using var client = server.Client(admin);

        var refused = await client.GetAsync("/api/v1/scans");
        using var op = server.Client(server.OperatorKey);
        var c = (await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/abuse/cases"))!.Single();
        var decision = await op.PostAsJsonAsync($"/api/v1/operator/abuse/cases/{c.GetProperty("id")}/decision", new { decision = "approve", operatorName = "Olga Operator", note = "our contractor's test archives" });
        var allowed = await client.GetAsync("/api/v1/scans");

        await Problems.AssertAsync(refused, 403, "suspended-for-abuse-review");
        Assert.Equal("suspend", c.GetProperty("level").GetString());
        await OspreyTestServer.EnsureAsync(decision, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await using var db = server.Db();
        Assert.Equal(1, await db.AuditRecords.CountAsync(r => r.Kind == AuditKinds.AbuseDecision));
    }

    [Fact]
    public async Task ApprovedCase_SameEvidenceWithinTheWindow_DoesNotReopen()
    {
        await using var server = await StartAsync("sqlite", new AbuseMonitoringOptions { AlertAt = null, ThrottleAt = null, ReviewAt = null, SuspendAt = 0.5 });
        await SubmitOutOfScopeAsync(server);
        await RunMonitorAsync(server);
        using var op = server.Client(server.OperatorKey);
        var c = (await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/abuse/cases"))!.Single();
        await op.PostAsJsonAsync($"/api/v1/operator/abuse/cases/{c.GetProperty("id")}/decision", new { decision = "approve", operatorName = "Olga Operator", note = "known test data" });

        await RunMonitorAsync(server);

        Assert.Empty((await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/abuse/cases"))!);
    }

    [Fact]
    public async Task OperatorSuspendDecision_KeepsTheKeySuspended()
    {
        await using var server = await StartAsync("sqlite", new AbuseMonitoringOptions { AlertAt = 0.5, ThrottleAt = null, ReviewAt = null, SuspendAt = null });
        var (_, admin, _) = await SubmitOutOfScopeAsync(server);
        await RunMonitorAsync(server);
        using var client = server.Client(admin);
        var before = await client.GetAsync("/api/v1/scans");
        using var op = server.Client(server.OperatorKey);
        var c = (await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/abuse/cases"))!.Single();

        await op.PostAsJsonAsync($"/api/v1/operator/abuse/cases/{c.GetProperty("id")}/decision", new { decision = "suspend", operatorName = "Olga Operator", note = "scanning a competitor's code" });

        Assert.Equal(("alert", HttpStatusCode.OK), (c.GetProperty("level").GetString(), before.StatusCode));
        await Problems.AssertAsync(await client.GetAsync("/api/v1/scans"), 403, "suspended-for-abuse-review");
    }

    [Fact]
    public async Task ReviewAction_BlocksFindingDetailsButNotScanLists()
    {
        await using var server = await StartAsync("sqlite", new AbuseMonitoringOptions { AlertAt = null, ThrottleAt = null, ReviewAt = 0.5, SuspendAt = null });
        var (_, admin, _) = await SubmitOutOfScopeAsync(server);
        using var client = server.Client(admin);
        var scans = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/scans"))!;
        var finding = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{scans.Last().GetProperty("id")}/findings"))!.First().GetProperty("id");

        await RunMonitorAsync(server);

        await Problems.AssertAsync(await client.GetAsync($"/api/v1/findings/{finding}"), 403, "abuse-review-pending");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/scans")).StatusCode);
    }

    [Fact]
    public async Task ThrottleAction_AdmitsTheConfiguredRequestsPerMinute()
    {
        await using var server = await StartAsync("sqlite", new AbuseMonitoringOptions { AlertAt = null, ThrottleAt = 0.5, ReviewAt = null, SuspendAt = null, ThrottledRequestsPerMinute = 3 });
        var (_, admin, _) = await SubmitOutOfScopeAsync(server);
        await RunMonitorAsync(server);
        var now = server.Clock.GetUtcNow();
        server.Clock.SetUtcNow(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1));
        using var client = server.Client(admin);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++) statuses.Add((int)(await client.GetAsync("/api/v1/scans")).StatusCode);

        Assert.Equal([200, 200, 200, 429], statuses.ToArray());
    }

    [Fact]
    public async Task Monitor_WithOrdinaryUse_OpensNoCase()
    {
        await using var server = await StartAsync("sqlite", new AbuseMonitoringOptions());
        var (_, admin) = await server.CreateOrganisationAsync("Ordinary");
        var asset = (await server.RegisterAssetAsync(admin, "libordinary")).GetProperty("id").GetGuid();
        for (var i = 0; i < 3; i++) await server.ScanAsync(admin, asset, TestArchives.Zip(("src/app.cs", TestArchives.Source("a") + $"// build {i}")));

        await RunMonitorAsync(server);

        await using var db = server.Db();
        Assert.Equal(0, await db.AbuseCases.CountAsync());
        Assert.Equal(3, await db.SubmissionFeatures.CountAsync(s => s.InScope));
    }

    [Theory]
    [InlineData("POST", "/api/v1/scans", null)]
    [InlineData("GET", "/api/v1/findings/{findingId:guid}", "TraceRead")]
    [InlineData("GET", "/dashboard/findings/{findingId:guid}", "TraceRead")]
    [InlineData("GET", "/api/v1/assets/{assetId:guid}/findings/export", "Export")]
    [InlineData("GET", "/api/v1/operator/disclosure/cases/{caseId}/csaf", "Export")]
    [InlineData("GET", "/api/v1/scans/{scanId:guid}/findings", "FindingRead")]
    [InlineData("GET", "/dashboard/login", null)]
    public void Categorise_EndpointPattern_GivesTheSignalsCategory(string method, string endpoint, string? expected) =>
        Assert.Equal(expected, DbUsageRecordSource.Categorise(method, endpoint)?.ToString());

    private static Task<OspreyTestServer> StartAsync(string database, AbuseMonitoringOptions abuse) =>
        OspreyTestServer.StartAsync(database, o => o with { Abuse = abuse });

    /// <summary>One key: a first scan of its third-party asset, one rescan, then three archives of other code naming the same asset.</summary>
    internal static async Task<(Guid Org, string Admin, Guid KeyId)> SubmitOutOfScopeAsync(OspreyTestServer server)
    {
        var (org, admin) = await server.CreateOrganisationAsync("Scoper");
        var asset = (await server.RegisterAssetAsync(admin, "libscoped")).GetProperty("id").GetGuid();
        await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("a"))));
        await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("a", "b"))));
        for (var i = 1; i <= 3; i++)
        {
            await server.ScanAsync(admin, asset, TestArchives.Zip(($"other/a{i}.cs", TestArchives.Source("x")), ($"other/b{i}.cs", "class B { }")));
        }

        await using var db = server.Db();
        var keyId = await db.ApiKeys.Where(k => k.OrganisationId == org).Select(k => k.Id).SingleAsync();
        return (org, admin, keyId);
    }

    /// <summary>Flushes the usage records, moves the clock past the monitor's interval and waits for the run at the new time.</summary>
    internal static async Task RunMonitorAsync(OspreyTestServer server)
    {
        await server.Service<Osprey.Server.Usage.UsageRecorder>().FlushAsync();
        server.Clock.Advance(TimeSpan.FromHours(1));
        var target = server.Clock.GetUtcNow() - TimeSpan.FromSeconds(1);
        var monitor = server.Service<AbuseMonitorService>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (monitor.LastRun is not { } run || run.At < target)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the abuse monitor did not run");
            await Task.Delay(20);
        }
    }
}
