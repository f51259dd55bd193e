using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Durability;

public sealed class CrashRecoveryTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ServerKilledMidScan_LosesNoAcceptedJobOrFinding_ResumesThenFailsWithReason(string database)
    {
        var data = Path.Combine(Path.GetTempPath(), "osprey-server-tests", "crash-" + Guid.NewGuid().ToString("N"));
        var connection = database == "postgres" ? await TestDatabases.CreatePostgresDatabaseAsync() : null;
        try
        {
            var options = new ServerOptions { DataDirectory = data, Database = connection, Output = TextWriter.Null };
            var operatorKey = await OspreyServer.CreateOperatorKeyAsync(options, "crash test operator");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            string admin;
            Guid done, slow, waiting;

            // Start 1: one scan completes, a slow one is running, a third is queued behind it. Then SIGKILL.
            using (var first = await ChildServer.StartAsync(data, connection, fastEngine: false))
            {
                admin = await CreateOrganisationAsync(first.BaseAddress, operatorKey);
                var asset = await AssetAsync(first.BaseAddress, admin);
                done = await SubmitAsync(first.BaseAddress, admin, asset, TestArchives.Source("one", "two"));
                await WaitForAsync(first.BaseAddress, admin, done, s => s.GetProperty("status").GetString() == "succeeded");
                slow = await SubmitAsync(first.BaseAddress, admin, asset, "// SLOW_SCAN\n" + TestArchives.Source("slow"));
                await WaitForAsync(first.BaseAddress, admin, slow, s => s.GetProperty("status").GetString() == "running");
                waiting = await SubmitAsync(first.BaseAddress, admin, asset, TestArchives.Source("three"));
                first.Kill();
            }

            // Start 2: the interrupted job resumes (second attempt) and the queued one is still there. SIGKILL again.
            using (var second = await ChildServer.StartAsync(data, connection, fastEngine: false))
            {
                await WaitForAsync(second.BaseAddress, admin, slow, s => s.GetProperty("status").GetString() == "running" && s.GetProperty("attempts").GetInt32() == 2);
                Assert.Equal("queued", (await ScanAsync(second.BaseAddress, admin, waiting)).GetProperty("status").GetString());
                second.Kill();
            }

            // Start 3: out of attempts, the job is failed with the reason; the queued job runs; the first scan's findings are intact.
            using var third = await ChildServer.StartAsync(data, connection, fastEngine: true);
            var failed = await WaitForAsync(third.BaseAddress, admin, slow, s => s.GetProperty("status").GetString() == "failed");
            Assert.Contains("server stopped during the scan 2 time(s)", failed.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
            var resumed = await WaitForAsync(third.BaseAddress, admin, waiting, s => s.GetProperty("status").GetString() == "succeeded");
            Assert.Equal(1, resumed.GetProperty("findingCount").GetInt32());
            using var client = Client(third.BaseAddress, admin);
            var findings = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{done}/findings");
            Assert.Equal(2, findings!.Length);
            var organisation = await client.GetFromJsonAsync<JsonElement>("/api/v1/organisation");
            Assert.Equal(0, organisation.GetProperty("quotas").GetProperty("activeScans").GetInt32());
        }
        finally
        {
            if (connection is not null) await TestDatabases.DropPostgresDatabaseAsync(connection);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static HttpClient Client(Uri baseAddress, string? key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string> CreateOrganisationAsync(Uri baseAddress, string operatorKey)
    {
        using var anonymous = Client(baseAddress, null);
        var applied = await (await anonymous.PostAsJsonAsync("/api/v1/organisations/applications", new { name = "Crashy", contactEmail = "c@c.test", purpose = "x" })).Content.ReadFromJsonAsync<JsonElement>();
        using var op = Client(baseAddress, operatorKey);
        var id = applied.GetProperty("organisation").GetProperty("id").GetGuid();
        await OspreyTestServer.EnsureAsync(await op.PostAsJsonAsync($"/api/v1/operator/organisations/{id}/vetting", new { action = "activate", evidence = "e", operatorName = "o" }), HttpStatusCode.OK);
        await OspreyTestServer.EnsureAsync(await op.PutAsJsonAsync($"/api/v1/operator/organisations/{id}/quotas", new { concurrentScans = 5 }), HttpStatusCode.OK);
        return applied.GetProperty("key").GetProperty("secret").GetString()!;
    }

    private static async Task<Guid> AssetAsync(Uri baseAddress, string key)
    {
        using var client = Client(baseAddress, key);
        var response = await client.PostAsJsonAsync("/api/v1/assets", new { kind = "third-party-project", name = "crashlib" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> SubmitAsync(Uri baseAddress, string key, Guid asset, string source)
    {
        using var client = Client(baseAddress, key);
        var content = new ByteArrayContent(TestArchives.Zip(("app.cs", source)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await client.PostAsync($"/api/v1/scans?assetId={asset}", content);
        await OspreyTestServer.EnsureAsync(response, HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ScanAsync(Uri baseAddress, string key, Guid scan)
    {
        using var client = Client(baseAddress, key);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/scans/{scan}");
    }

    private static async Task<JsonElement> WaitForAsync(Uri baseAddress, string key, Guid scan, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var state = await ScanAsync(baseAddress, key, scan);
            if (condition(state)) return state;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"scan {scan}: {state}");
            await Task.Delay(100);
        }
    }
}
