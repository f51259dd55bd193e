using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using Osprey.Core.Pipeline;
using Osprey.CSharp;
using Osprey.Server;

namespace Osprey.Bench.Load;

/// <summary>
/// Load on the gated service over loopback: <c>clients</c> concurrent clients for a fixed time,
/// each mixing finding reads (4 in 5) and scan submissions (1 in 5). Counts every status code,
/// and afterwards checks that every accepted submission is stored (no lost writes).
/// </summary>
internal static class ServerLoadBenchmark
{
    public static async Task<LoadResult> RunAsync(string? postgres, string samplePath, int clients, TimeSpan duration, TextWriter log, CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), "osprey-load-" + Guid.NewGuid().ToString("N"));
        var database = postgres is null ? null : await CreateDatabaseAsync(postgres, cancellationToken);
        try
        {
            var options = new ServerOptions { DataDirectory = data, Database = database?.ConnectionString, Url = "http://127.0.0.1:0", Workers = 1, Output = TextWriter.Null };
            var operatorKey = await OspreyServer.CreateOperatorKeyAsync(options, "load-bench", cancellationToken);
            await using var app = OspreyServer.Build(options, static () => new ScanPipeline([new CSharpEngine()]));
            await app.StartAsync(cancellationToken);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
            var tenant = await LoadTenant.CreateAsync(http, operatorKey, cancellationToken);
            var findings = await SeedFindingsAsync(http, tenant, samplePath, log, cancellationToken);
            log.WriteLine($"load: {(postgres is null ? "sqlite" : "postgresql")}, {clients} clients for {duration.TotalSeconds:0} s, {findings.FindingIds.Count} findings to read");

            var result = await DriveAsync(http, tenant, findings, clients, duration, cancellationToken);
            var stored = await CountStoredAsync(http, tenant, result.Accepted, cancellationToken);
            // Stop the workers before the throw-away database goes away under them.
            await app.StopAsync(CancellationToken.None);
            return new LoadResult(postgres is null ? "sqlite" : "postgresql", clients, result.Seconds, result.Operations,
                result.Accepted.Count, stored, result.Accepted.Count - stored, result.StatusCodes);
        }
        finally
        {
            if (database is not null)
            {
                await database.DropAsync();
            }

            TryDelete(data);
        }
    }

    private static async Task<(Guid ScanId, List<Guid> FindingIds)> SeedFindingsAsync(HttpClient http, LoadTenant tenant, string samplePath, TextWriter log, CancellationToken cancellationToken)
    {
        var scanId = await SubmitAsync(http, tenant, LoadTenant.Archive(0, samplePath), cancellationToken) ?? throw new InvalidOperationException("the seed scan was refused");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var scan = await LoadTenant.SendAsync(http, HttpMethod.Get, $"/api/v1/scans/{scanId}", tenant.Key, null, cancellationToken);
            var status = scan.RootElement.GetProperty("status").GetString();
            if (status is "succeeded")
            {
                break;
            }

            if (status is "failed" || clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new InvalidOperationException($"the seed scan ended {status} after {clock.Elapsed.TotalSeconds:0} s");
            }

            await Task.Delay(500, cancellationToken);
        }

        log.WriteLine($"load: seed scan of {samplePath} took {clock.Elapsed.TotalSeconds:0.0} s");
        using var list = await LoadTenant.SendAsync(http, HttpMethod.Get, $"/api/v1/scans/{scanId}/findings", tenant.Key, null, cancellationToken);
        return (scanId, list.RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetGuid()).ToList());
    }

    private static async Task<(double Seconds, IReadOnlyList<LoadOperationResult> Operations, ConcurrentBag<Guid> Accepted, IReadOnlyDictionary<int, long> StatusCodes)> DriveAsync(
        HttpClient http, LoadTenant tenant, (Guid ScanId, List<Guid> FindingIds) seed, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var reads = Enumerable.Range(0, clients).Select(_ => new LatencyRecorder()).ToArray();
        var submits = Enumerable.Range(0, clients).Select(_ => new LatencyRecorder()).ToArray();
        var accepted = new ConcurrentBag<Guid>();
        var statuses = new ConcurrentDictionary<int, long>();
        var seedCounter = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            var iteration = 0;
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var submit = iteration++ % 5 == 4;
                var status = 0;
                try
                {
                    if (submit)
                    {
                        var body = LoadTenant.Archive(Interlocked.Increment(ref seedCounter));
                        using var request = tenant.Request(HttpMethod.Post, $"/api/v1/scans?assetId={tenant.AssetId}", Zip(body));
                        using var response = await http.SendAsync(request, CancellationToken.None);
                        status = (int)response.StatusCode;
                        if (response.IsSuccessStatusCode)
                        {
                            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
                            accepted.Add(json.RootElement.GetProperty("id").GetGuid());
                        }
                    }
                    else
                    {
                        var path = seed.FindingIds.Count == 0 || random.Next(4) == 0
                            ? $"/api/v1/scans/{seed.ScanId}/findings"
                            : $"/api/v1/findings/{seed.FindingIds[random.Next(seed.FindingIds.Count)]}";
                        using var request = tenant.Request(HttpMethod.Get, path);
                        using var response = await http.SendAsync(request, CancellationToken.None);
                        status = (int)response.StatusCode;
                        await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    }
                }
                catch (HttpRequestException)
                {
                    status = -1;
                }

                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                (submit ? submits : reads)[client].Record(elapsed, status is >= 200 and < 300);
                statuses.AddOrUpdate(status, 1, static (_, n) => n + 1);
            }
        }, CancellationToken.None)));
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, [LatencyRecorder.Summarise("finding read", reads, seconds), LatencyRecorder.Summarise("scan submission", submits, seconds)], accepted, statuses);
    }

    private static async Task<Guid?> SubmitAsync(HttpClient http, LoadTenant tenant, byte[] archive, CancellationToken cancellationToken)
    {
        using var request = tenant.Request(HttpMethod.Post, $"/api/v1/scans?assetId={tenant.AssetId}", Zip(archive));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("id").GetGuid();
    }

    // Every accepted id must be readable afterwards: an accepted job that is missing is a lost write.
    private static async Task<long> CountStoredAsync(HttpClient http, LoadTenant tenant, IEnumerable<Guid> accepted, CancellationToken cancellationToken)
    {
        long stored = 0;
        foreach (var id in accepted)
        {
            using var request = tenant.Request(HttpMethod.Get, $"/api/v1/scans/{id}");
            using var response = await http.SendAsync(request, cancellationToken);
            stored += response.IsSuccessStatusCode ? 1 : 0;
        }

        return stored;
    }

    private static ByteArrayContent Zip(byte[] archive)
    {
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    private static async Task<ThrowawayDatabase> CreateDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = "osprey_load_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new ThrowawayDatabase(connectionString, new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString, name);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record ThrowawayDatabase(string AdminConnectionString, string ConnectionString, string Name)
    {
        public async Task DropAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
