using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Osprey.Core.Scanning;
using Osprey.Server.Scans;
using Osprey.Server.Storage;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Scans;

public sealed class ScanThreatModelStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SubmitScan_DuplicateThreatModels_StoredOnceInCanonicalOrderAndReadBack(string database)
    {
        await using var server = await OspreyTestServer.StartAsync(database);
        var (_, admin) = await server.CreateOrganisationAsync("Stores");
        var asset = (await server.RegisterAssetAsync(admin, "libstore")).GetProperty("id").GetGuid();
        string[] both = [.. ScanOptions.AllThreatModels];

        var response = await server.SubmitAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("a"))),
            query: $"threatModels={both[1]}&threatModels={both[0]},{both[1]}");
        await OspreyTestServer.EnsureAsync(response, HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var finished = await server.WaitForScanAsync(admin, accepted.GetProperty("id").GetGuid());

        Assert.Equal(both, ScanThreatModelTests.ThreatModelsOf(accepted));
        Assert.Equal("succeeded", finished.GetProperty("status").GetString());
        Assert.Equal(both, ScanThreatModelTests.ThreatModelsOf(finished));
        var listed = await server.Client(admin).GetFromJsonAsync<JsonElement[]>($"/api/v1/scans?assetId={asset}");
        Assert.Equal(both, ScanThreatModelTests.ThreatModelsOf(Assert.Single(listed!)));
        await using var db = server.Db();
        Assert.Equal(string.Join(',', both), (await db.ScanJobs.SingleAsync()).ThreatModels);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Migrate_JobFromBeforeThreatModels_KeepsItsRowAndReadsAsRemote(string database)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "osprey-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var connection = database == "postgres" ? await TestDatabases.CreatePostgresDatabaseAsync() : null;
        try
        {
            var setup = new DatabaseSetup(connection, dataDirectory);
            var jobId = Guid.NewGuid();
            await using (var db = setup.Create())
            {
                var migrations = db.Database.GetMigrations().ToList();
                var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ScanThreatModels", StringComparison.Ordinal)) - 1];
                await db.GetService<IMigrator>().MigrateAsync(previous);
                Assert.Equal(previous, (await db.Database.GetAppliedMigrationsAsync()).Last());
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "ScanJobs" ("Id", "OrganisationId", "SubmittedByKeyId", "Label", "Status", "ArchiveFormat", "ArchiveBytes", "Attempts",
                        "SubmittedAt", "FileCount", "FindingCount", "NewCount", "FixedCount")
                    VALUES ({jobId}, {Guid.NewGuid()}, {Guid.NewGuid()}, {"release-1.0"}, {"Succeeded"}, {"zip"}, {1234L}, {1},
                        {1_700_000_000_000L}, {3}, {2}, {2}, {0})
                    """);
            }

            setup.Migrate();

            await using (var db = setup.Create())
            {
                var job = await db.ScanJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
                Assert.Equal(("release-1.0", ScanStatus.Succeeded, 1234L, 2), (job.Label, job.Status, job.ArchiveBytes, job.FindingCount));
                Assert.Equal(new[] { ScanOptions.Remote }, ScanView.Of(job).ThreatModels);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (connection is not null) await TestDatabases.DropPostgresDatabaseAsync(connection);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
