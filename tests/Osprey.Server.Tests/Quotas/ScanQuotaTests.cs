using System.Net;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Quotas;

public sealed class ScanQuotaTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Submit_FiftyParallelAgainstDailyQuotaOfTen_AdmitsExactlyTen(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (orgId, admin) = await server.CreateOrganisationAsync("Quota", new { scansPerDay = 10, concurrentScans = 100 });
        var asset = (await server.RegisterAssetAsync(admin, "libquota")).GetProperty("id").GetGuid();
        var archive = TestArchives.Zip(("a.cs", TestArchives.Source("x")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => server.SubmitAsync(admin, asset, archive)));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(40, refused.Count);
        foreach (var response in refused)
        {
            await Problems.AssertAsync(response, 429, "quota-scans-per-day");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }

        await using var db = server.Db();
        Assert.Equal(10, await db.ScanJobs.CountAsync(j => j.OrganisationId == orgId));
        Assert.Equal(10, (await db.DailyScanCounters.SingleAsync(c => c.OrganisationId == orgId)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Submit_FiftyParallelAgainstConcurrentQuotaOfThree_AdmitsExactlyThree(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (orgId, admin) = await server.CreateOrganisationAsync("Concurrent", new { scansPerDay = 1000, concurrentScans = 3 });
        var asset = (await server.RegisterAssetAsync(admin, "libslow")).GetProperty("id").GetGuid();
        // The scans wait inside the engine, so admitted ones stay active for the whole test.
        var archive = TestArchives.Zip(("a.cs", "// SLOW_SCAN\n"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => server.SubmitAsync(admin, asset, archive)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Accepted))
        {
            await Problems.AssertAsync(response, 429, "quota-concurrent-scans");
            Assert.NotNull(response.Headers.RetryAfter);
        }

        await using var db = server.Db();
        Assert.Equal(3, (await db.Organisations.SingleAsync(o => o.Id == orgId)).ActiveScans);
    }

    [Fact]
    public async Task Submit_ArchiveLargerThanQuota_Is413AndStoresNothing()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (orgId, admin) = await server.CreateOrganisationAsync("Small", new { maxArchiveBytes = 1024 });
        var asset = (await server.RegisterAssetAsync(admin, "libbig")).GetProperty("id").GetGuid();
        var archive = TestArchives.Zip(("a.cs", string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i} {Guid.NewGuid()}\n"))));

        await Problems.AssertAsync(await server.SubmitAsync(admin, asset, archive), 413, "archive-too-large");

        await using var db = server.Db();
        Assert.Equal(0, await db.ScanJobs.CountAsync(j => j.OrganisationId == orgId));
    }

    [Fact]
    public async Task Requests_OverTheRateQuota_Get429WithRetryAfter()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Chatty", new { requestsPerMinute = 5 });
        using var client = server.Client(admin);

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++) statuses.Add(await client.GetAsync("/api/v1/scans"));

        Assert.All(statuses.Take(5), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var limited = statuses[5];
        await Problems.AssertAsync(limited, 429, "rate-limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
