using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Osprey.Core.Pipeline;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Tests.Support;

/// <summary>
/// A real server on loopback (Kestrel on 127.0.0.1, a free port) with a real database in a fresh
/// temporary data folder, the <see cref="ExecLineEngine"/> pipeline, a fake clock and the abuse
/// monitor off (tests that need it configure it). Helpers
/// drive it through its HTTP API like a client would.
/// </summary>
internal sealed class OspreyTestServer : IAsyncDisposable
{
    private readonly Func<ScanPipeline> _pipeline;

    private OspreyTestServer(WebApplication app, ServerOptions options, FakeTimeProvider clock, string operatorKey, Func<ScanPipeline> pipeline)
    {
        _pipeline = pipeline;
        App = app;
        Options = options;
        Clock = clock;
        OperatorKey = operatorKey;
        BaseAddress = new Uri(app.Urls.First());
    }

    public WebApplication App { get; }

    public ServerOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public string OperatorKey { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts a server; <paramref name="pipeline"/> replaces the <see cref="ExecLineEngine"/> pipeline (e.g. with the real C# engine).</summary>
    public static async Task<OspreyTestServer> StartAsync(string database = "sqlite", Func<ServerOptions, ServerOptions>? configure = null, Func<ScanPipeline>? pipeline = null)
    {
        pipeline ??= ExecLineEngine.Pipeline;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(2) };
        var options = new ServerOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "osprey-server-tests", Guid.NewGuid().ToString("N")),
            Database = database == "postgres" ? await TestDatabases.CreatePostgresDatabaseAsync() : null,
            Url = "http://127.0.0.1:0",
            LoopbackUrlVerificationOnly = true,
            LoopbackRepositoriesOnly = true,
            TimeProvider = clock,
            Output = TextWriter.Null,
            // Every test client shares 127.0.0.1, which the coordination signal would read as one
            // operator behind many organisations: the abuse tests turn the monitor on themselves.
            Abuse = new AbuseMonitoringOptions { Interval = null },
        };
        options = configure?.Invoke(options) ?? options;
        var operatorKey = await OspreyServer.CreateOperatorKeyAsync(options, "test operator");
        var app = OspreyServer.Build(options, pipeline);
        await app.StartAsync();
        return new OspreyTestServer(app, options, clock, operatorKey, pipeline);
    }

    /// <summary>
    /// Stops this server and starts another on the same data folder and database with changed
    /// options (as an operator restarts with new configuration). This instance no longer owns the data.
    /// </summary>
    public async Task<OspreyTestServer> RestartAsync(Func<ServerOptions, ServerOptions> configure)
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _handedOver = true;
        var options = configure(Options);
        var app = OspreyServer.Build(options, _pipeline);
        await app.StartAsync();
        return new OspreyTestServer(app, options, Clock, OperatorKey, _pipeline);
    }

    private bool _handedOver;

    public OspreyDbContext Db() => App.Services.GetRequiredService<ServerRuntime>().CreateDb();

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("osprey-tests/1.0");
        return client;
    }

    /// <summary>Applies for an organisation, has the operator activate it (and set quotas), and returns its id and first admin key.</summary>
    public async Task<(Guid Id, string AdminKey)> CreateOrganisationAsync(string name, object? quotas = null)
    {
        using var anonymous = Client();
        var applied = await anonymous.PostAsJsonAsync("/api/v1/organisations/applications", new { name, contactEmail = "security@" + name.ToLowerInvariant() + ".test", purpose = "Scan our own services." });
        await EnsureAsync(applied, HttpStatusCode.Created);
        var body = await applied.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("organisation").GetProperty("id").GetGuid();
        var key = body.GetProperty("key").GetProperty("secret").GetString()!;
        using var op = Client(OperatorKey);
        await EnsureAsync(await op.PostAsJsonAsync($"/api/v1/operator/organisations/{id}/vetting", new { action = "activate", evidence = "contract 42 signed", operatorName = "Olga Operator" }), HttpStatusCode.OK);
        if (quotas is not null) await EnsureAsync(await op.PutAsJsonAsync($"/api/v1/operator/organisations/{id}/quotas", quotas), HttpStatusCode.OK);
        return (id, key);
    }

    public async Task<string> CreateKeyAsync(string adminKey, string role, bool exploitCleared = false, int? expiresInDays = null)
    {
        using var client = Client(adminKey);
        var response = await client.PostAsJsonAsync("/api/v1/keys", new { name = role + " key", role, exploitCleared, expiresInDays });
        await EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    public async Task<JsonElement> RegisterAssetAsync(string key, string name, string kind = "third-party-project", string? verificationUrl = null, string? repositoryUrl = null)
    {
        using var client = Client(key);
        var response = await client.PostAsJsonAsync("/api/v1/assets", new { kind, name, verificationUrl, repositoryUrl });
        await EnsureAsync(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Uploads an archive; <paramref name="query"/> (already escaped) is appended to the query string.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string key, Guid assetId, byte[] archive, string contentType = "application/zip", string? label = null, string? query = null)
    {
        using var client = Client(key);
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PostAsync($"/api/v1/scans?assetId={assetId}" + (label is null ? "" : "&label=" + Uri.EscapeDataString(label)) + (query is null ? "" : "&" + query), content);
    }

    /// <summary>Asks for a scan of a registered asset's repository (JSON body, no archive).</summary>
    public async Task<HttpResponseMessage> SubmitRepositoryAsync(string key, object request)
    {
        using var client = Client(key);
        return await client.PostAsJsonAsync("/api/v1/scans", request);
    }

    /// <summary>Submits a repository scan and waits; returns the finished scan.</summary>
    public async Task<JsonElement> ScanRepositoryAsync(string key, object request)
    {
        var response = await SubmitRepositoryAsync(key, request);
        await EnsureAsync(response, HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await WaitForScanAsync(key, id);
    }

    public async Task<JsonElement> WaitForScanAsync(string key, Guid scanId, TimeSpan? timeout = null)
    {
        using var client = Client(key);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var scan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/scans/{scanId}");
            if (scan.GetProperty("status").GetString() is "succeeded" or "failed") return scan;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"scan {scanId} still {scan.GetProperty("status")}");
            await Task.Delay(50);
        }
    }

    /// <summary>Submits and waits; returns the finished scan.</summary>
    public async Task<JsonElement> ScanAsync(string key, Guid assetId, byte[] archive, string? label = null, string? query = null)
    {
        var response = await SubmitAsync(key, assetId, archive, label: label, query: query);
        await EnsureAsync(response, HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await WaitForScanAsync(key, id);
    }

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_handedOver) return;
        await App.StopAsync();
        await App.DisposeAsync();
        if (Options.Database is { } database) await TestDatabases.DropPostgresDatabaseAsync(database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
