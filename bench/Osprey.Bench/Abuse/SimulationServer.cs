using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Osprey.Server;

namespace Osprey.Bench.Abuse;

/// <summary>
/// The server under simulation: a real Osprey server on loopback with SQLite in a throw-away
/// folder and a fake clock the replay moves. It can be restarted on the same data with other abuse
/// options (the history is replayed with the monitor off, the evaluation day with it on).
/// </summary>
internal sealed class SimulationServer : IAsyncDisposable
{
    private WebApplication? _app;

    private SimulationServer(ServerOptions options, string operatorKey)
    {
        Options = options;
        OperatorKey = operatorKey;
    }

    public ServerOptions Options { get; private set; }

    public FakeTimeProvider Clock => (FakeTimeProvider)Options.TimeProvider;

    public string OperatorKey { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public static async Task<SimulationServer> StartAsync(DateTimeOffset start, TimeSpan history, CancellationToken cancellationToken)
    {
        var options = new ServerOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "osprey-abuse-sim-" + Guid.NewGuid().ToString("N")),
            Url = "http://127.0.0.1:0",
            Workers = 1,
            TimeProvider = new FakeTimeProvider(start),
            Output = TextWriter.Null,
            Disclosure = new DisclosureOptions { RunInterval = null },
            Abuse = new AbuseMonitoringOptions { Interval = null, History = history },
        };
        var operatorKey = await OspreyServer.CreateOperatorKeyAsync(options, "abuse-sim", cancellationToken);
        var server = new SimulationServer(options, operatorKey);
        await server.RunAsync(cancellationToken);
        return server;
    }

    /// <summary>Stops the server and starts it again on the same data with the monitor on, evaluating every <paramref name="interval"/>.</summary>
    public async Task RestartWithMonitorAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await StopAsync();
        Options = Options with { Abuse = Options.Abuse with { Interval = interval } };
        await RunAsync(cancellationToken);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        _app = OspreyServer.Build(Options, SimulationEngine.Pipeline);
        await _app.StartAsync(cancellationToken);
        BaseAddress = new Uri(_app.Urls.First());
    }

    private async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _app = null;
    }

    public HttpClient OperatorClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        return http;
    }

    public static ByteArrayContent Zip(IEnumerable<(string Path, string Content)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        var body = new ByteArrayContent(buffer.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return body;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> PostJsonAsync(HttpClient http, string path, object body, CancellationToken cancellationToken) =>
        await JsonAsync(await http.PostAsJsonAsync(path, body, cancellationToken), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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
