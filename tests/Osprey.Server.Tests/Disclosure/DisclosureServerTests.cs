using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Disclosure;

/// <summary>Disclosure cases in the running server: opened by third-party findings, reviewed, scheduled and exported over HTTP.</summary>
public sealed class DisclosureServerTests
{
    private const string Channel = "security@libthird.test";

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ThirdPartyScan_WithFindings_OpensOneUnsignedCasePerFinding(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (org, admin, caseIds) = await OpenCasesAsync(server, "a", "b");

        using var op = server.Client(server.OperatorKey);
        var cases = await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/disclosure/cases");
        Assert.Equal(2, cases!.Length);
        Assert.All(cases, c => Assert.Equal(("under_investigation", false), (c.GetProperty("status").GetString(), c.GetProperty("signedOff").GetBoolean())));
        Assert.Equal(caseIds.Order(), cases.Select(c => c.GetProperty("id").GetString()!).Order());
        Assert.Matches(@"^OSP-\d{4}-0001$", caseIds.Order().First());
        using var own = server.Client(admin);
        Assert.Equal(2, (await own.GetFromJsonAsync<JsonElement[]>("/api/v1/disclosure/cases"))!.Length);
        await using var db = server.Db();
        Assert.Equal(2, await db.AuditRecords.CountAsync(r => r.Kind == AuditKinds.DisclosureOpened && r.OrganisationId == org));
        Assert.Equal(2, await db.DisclosureRevisions.CountAsync());
    }

    [Fact]
    public async Task Rescan_SameFinding_OpensNoSecondCase()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Rescanner");
        var asset = (await server.RegisterAssetAsync(admin, "libthird")).GetProperty("id").GetGuid();
        await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("a"))));
        await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("a"))));

        await using var db = server.Db();
        Assert.Equal(1, await db.DisclosureCases.CountAsync());
    }

    [Fact]
    public async Task OwnRepositoryScan_WithFindings_OpensNoCase()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Owner");
        var asset = await server.RegisterAssetAsync(admin, "our-repo", kind: "own-repository");
        var token = asset.GetProperty("verificationToken").GetString()!;
        var scan = await server.ScanAsync(admin, asset.GetProperty("id").GetGuid(), TestArchives.Zip(("app.cs", TestArchives.Source("a")), (".osprey-verification", token)));

        Assert.Equal(1, scan.GetProperty("findingCount").GetInt32());
        await using var db = server.Db();
        Assert.Equal(0, await db.DisclosureCases.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UnsignedCase_SchedulerRun_SendsNothing(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        await OpenCasesAsync(server, "a");

        await RunSchedulerAsync(server, TimeSpan.FromHours(1));

        using var op = server.Client(server.OperatorKey);
        Assert.Empty((await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/disclosure/outbox"))!);
    }

    [Fact]
    public async Task SignOff_WithoutMaintainerContact_IsRefused()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, _, ids) = await OpenCasesAsync(server, "a");
        using var op = server.Client(server.OperatorKey);

        var response = await op.PostAsJsonAsync($"/api/v1/operator/disclosure/cases/{ids[0]}/sign-off", new { reviewer = "Rita Reviewer", note = "trace checked" });

        await Problems.AssertAsync(response, 400, "maintainer-contact-required");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignedOffCase_SchedulerRun_PutsReportBundleInOutboxAndAuditsIt(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (_, _, ids) = await OpenCasesAsync(server, "a");
        await SignOffAsync(server, ids[0]);

        await RunSchedulerAsync(server, TimeSpan.FromHours(1));

        using var op = server.Client(server.OperatorKey);
        var outbox = await WaitForOutboxAsync(op, 1);
        Assert.Equal(("SendReport", Channel, "application/zip"), (outbox[0].GetProperty("action").GetString(), outbox[0].GetProperty("recipient").GetString(), outbox[0].GetProperty("contentType").GetString()));
        var zip = await op.GetByteArrayAsync($"/api/v1/operator/disclosure/outbox/{outbox[0].GetProperty("id").GetInt64()}");
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Contains(archive.Entries, e => e.FullName == "README.md");
        Assert.Contains(archive.Entries, e => e.FullName == $"{ids[0]}/report.md");
        var view = await op.GetFromJsonAsync<JsonElement>($"/api/v1/operator/disclosure/cases/{ids[0]}");
        Assert.Contains(view.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Reported");
        Assert.True(view.GetProperty("deadlines").GetProperty("publication").ValueKind == JsonValueKind.String);
        await using var db = server.Db();
        Assert.Equal(1, await db.AuditRecords.CountAsync(r => r.Kind == AuditKinds.DisclosureSignedOff));
        Assert.Equal(1, await db.AuditRecords.CountAsync(r => r.Kind == AuditKinds.DisclosureActionTaken));
    }

    [Fact]
    public async Task ReportedCase_NinetyDaysWithoutResponse_EscalatesPublishesAndReleasesDetails()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, _, ids) = await OpenCasesAsync(server, "a");
        await SignOffAsync(server, ids[0]);
        await RunSchedulerAsync(server, TimeSpan.FromHours(1));
        using var op = server.Client(server.OperatorKey);
        await WaitForOutboxAsync(op, 1);

        await RunSchedulerAsync(server, TimeSpan.FromDays(95));

        var outbox = await WaitForOutboxAsync(op, 4);
        Assert.Equal(["SendReport", "Escalate", "Publish", "ReleaseDetails"], outbox.Select(o => o.GetProperty("action").GetString()!).ToArray());
        var csaf = JsonNode.Parse(await op.GetStringAsync($"/api/v1/operator/disclosure/outbox/{outbox[2].GetProperty("id").GetInt64()}"))!;
        Assert.Empty(PublishedSchemas.Errors(PublishedSchemas.Csaf, csaf));
        await using var db = server.Db();
        Assert.False((await db.DisclosureCases.SingleAsync()).Active);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task StatusChange_NotAffected_NeedsJustificationAndAppendsRevision(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (_, _, ids) = await OpenCasesAsync(server, "a");
        using var op = server.Client(server.OperatorKey);
        var url = $"/api/v1/operator/disclosure/cases/{ids[0]}/status";

        var without = await op.PostAsJsonAsync(url, new { status = "not_affected", actor = "Rita Reviewer", summary = "input is constant" });
        var with = await op.PostAsJsonAsync(url, new { status = "not_affected", actor = "Rita Reviewer", summary = "input is constant", justification = "vulnerable_code_cannot_be_controlled_by_adversary" });
        var invalid = await op.PostAsJsonAsync(url, new { status = "fixed", actor = "Rita Reviewer", summary = "no" });

        await Problems.AssertAsync(without, 409, "disclosure-rule");
        await OspreyTestServer.EnsureAsync(with, HttpStatusCode.OK);
        await Problems.AssertAsync(invalid, 409, "disclosure-rule");
        await using var db = server.Db();
        var revisions = await db.DisclosureRevisions.Where(r => r.CaseId == ids[0]).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal(["under_investigation", "not_affected"], revisions.Select(r => r.Status).ToArray());
        Assert.Equal("vulnerable_code_cannot_be_controlled_by_adversary", revisions[1].Justification);
        Assert.Equal(1, await db.AuditRecords.CountAsync(r => r.Kind == AuditKinds.DisclosureStatusChanged));
    }

    [Fact]
    public async Task FixShippedEvent_MovesCaseToFixedWithTheVersion()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, _, ids) = await OpenCasesAsync(server, "a");
        using var op = server.Client(server.OperatorKey);

        var response = await op.PostAsJsonAsync($"/api/v1/operator/disclosure/cases/{ids[0]}/events", new { kind = "fix-shipped", actor = "maintainer", note = "released", fixedVersion = "2.0.1" });

        await OspreyTestServer.EnsureAsync(response, HttpStatusCode.OK);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fixed", view.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("2.0.1", view.GetProperty("asset").GetProperty("fixedVersion").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Exports_OfASignedOffCase_AreValidCsafAndOsvAndABundle(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (_, _, ids) = await OpenCasesAsync(server, "a");
        await SignOffAsync(server, ids[0]);
        using var op = server.Client(server.OperatorKey);

        var csaf = JsonNode.Parse(await op.GetStringAsync($"/api/v1/operator/disclosure/cases/{ids[0]}/csaf"))!;
        var osv = JsonNode.Parse(await op.GetStringAsync($"/api/v1/operator/disclosure/cases/{ids[0]}/osv"))!;
        var bundle = await op.GetAsync("/api/v1/operator/disclosure/bundle?maintainer=" + Uri.EscapeDataString("security-team@libthird.test"));

        Assert.Empty(PublishedSchemas.Errors(PublishedSchemas.Csaf, csaf));
        Assert.Empty(PublishedSchemas.Errors(PublishedSchemas.Osv, osv));
        await OspreyTestServer.EnsureAsync(bundle, HttpStatusCode.OK);
        using var archive = new ZipArchive(new MemoryStream(await bundle.Content.ReadAsByteArrayAsync()));
        Assert.Contains(archive.Entries, e => e.FullName == $"{ids[0]}/report.md");
        await using var db = server.Db();
        Assert.Equal(3, await db.AuditRecords.CountAsync(r => r.Kind == AuditKinds.DisclosureExported));
    }

    [Fact]
    public async Task DisclosureEndpoints_ForOrganisationKeys_AreForbidden()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin, ids) = await OpenCasesAsync(server, "a");
        using var client = server.Client(admin);

        var response = await client.GetAsync($"/api/v1/operator/disclosure/cases/{ids[0]}/csaf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static async Task<(Guid Org, string Admin, List<string> CaseIds)> OpenCasesAsync(OspreyTestServer server, params string[] execLines)
    {
        var (org, admin) = await server.CreateOrganisationAsync("Finder" + Guid.NewGuid().ToString("N")[..6]);
        var asset = (await server.RegisterAssetAsync(admin, "libthird")).GetProperty("id").GetGuid();
        var scan = await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source(execLines))));
        Assert.Equal(execLines.Length, scan.GetProperty("findingCount").GetInt32());
        using var own = server.Client(admin);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var cases = (await own.GetFromJsonAsync<JsonElement[]>("/api/v1/disclosure/cases"))!;
            if (cases.Length == execLines.Length) return (org, admin, cases.Select(c => c.GetProperty("id").GetString()!).ToList());
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{cases.Length} of {execLines.Length} cases opened");
            await Task.Delay(50);
        }
    }

    private static async Task SignOffAsync(OspreyTestServer server, string caseId)
    {
        using var op = server.Client(server.OperatorKey);
        var response = await op.PostAsJsonAsync($"/api/v1/operator/disclosure/cases/{caseId}/sign-off", new
        {
            reviewer = "Rita Reviewer", note = "trace read, proof replayed in the sandbox", maintainerId = "security-team@libthird.test", maintainerName = "libthird security team",
            maintainerChannel = Channel, vendor = "Third", ecosystem = "NuGet", purl = "pkg:nuget/LibThird", affectedVersions = new[] { "1.0.0", "1.1.0" },
            cvss3Vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        });
        await OspreyTestServer.EnsureAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Moves the fake clock past the scheduler's interval and gives its run a moment.</summary>
    private static async Task RunSchedulerAsync(OspreyTestServer server, TimeSpan by)
    {
        server.Clock.Advance(by);
        await Task.Delay(300);
    }

    private static async Task<JsonElement[]> WaitForOutboxAsync(HttpClient op, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var outbox = (await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/disclosure/outbox?all=true"))!;
            if (outbox.Length >= count) return outbox;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{outbox.Length} of {count} outbox messages");
            await Task.Delay(50);
        }
    }
}
