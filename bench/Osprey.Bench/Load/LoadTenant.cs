using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Osprey.Bench.Load;

/// <summary>
/// Sets up one organisation on a running server over its public API, as a real tenant would:
/// applies, is activated by the operator, gets quotas large enough for the load, registers an asset.
/// </summary>
internal sealed class LoadTenant
{
    private LoadTenant(string key, Guid assetId)
    {
        Key = key;
        AssetId = assetId;
    }

    public string Key { get; }

    public Guid AssetId { get; }

    public static async Task<LoadTenant> CreateAsync(HttpClient http, string operatorKey, CancellationToken cancellationToken)
    {
        var name = "load-" + Guid.NewGuid().ToString("N")[..8];
        var applied = await http.PostAsJsonAsync("/api/v1/organisations/applications",
            new { name, contactEmail = "security@" + name + ".example", website = (string?)null, purpose = "load benchmark" }, cancellationToken);
        using var issued = await ReadJsonAsync(applied, cancellationToken);
        var key = issued.RootElement.GetProperty("key").GetProperty("secret").GetString()!;
        var orgId = issued.RootElement.GetProperty("organisation").GetProperty("id").GetGuid();

        (await SendAsync(http, HttpMethod.Post, $"/api/v1/operator/organisations/{orgId}/vetting", operatorKey,
            new { action = "activate", evidence = "load benchmark tenant", operatorName = "bench" }, cancellationToken)).Dispose();
        (await SendAsync(http, HttpMethod.Put, $"/api/v1/operator/organisations/{orgId}/quotas", operatorKey,
            new { scansPerDay = 10_000_000, concurrentScans = 10_000_000, requestsPerMinute = 100_000_000 }, cancellationToken)).Dispose();
        using var asset = await SendAsync(http, HttpMethod.Post, "/api/v1/assets", key, new { kind = "third-party-project", name = "load/" + name }, cancellationToken);
        return new LoadTenant(key, asset.RootElement.GetProperty("id").GetGuid());
    }

    /// <summary>A zip holding one small C# file whose content is unique to <paramref name="seed"/>.</summary>
    public static byte[] Archive(int seed, string? extraFolder = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry($"src/Handler{seed}.cs");
            using (var writer = new StreamWriter(entry.Open(), Encoding.UTF8))
            {
                writer.Write($$"""
                class Handler{{seed}}
                {
                    string Run(string id) => "select * from t where id = '" + id + "' -- {{seed}}";
                }
                """);
            }

            if (extraFolder is not null)
            {
                foreach (var file in Directory.EnumerateFiles(extraFolder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
                {
                    zip.CreateEntryFromFile(file, "app/" + Path.GetRelativePath(extraFolder, file).Replace('\\', '/'));
                }
            }
        }

        return buffer.ToArray();
    }

    public HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return request;
    }

    public static async Task<JsonDocument> SendAsync(HttpClient http, HttpMethod method, string path, string key, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text);
    }
}
