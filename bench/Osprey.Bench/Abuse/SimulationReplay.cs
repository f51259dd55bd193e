using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Osprey.Bench.Abuse;

/// <summary>
/// Sends steps in time order: the server's clock is set to each step's time, then the step's
/// request goes out from its key's own source address. Steps are sent one at a time so the usage
/// log's times are the schedule's.
/// </summary>
internal sealed class SimulationReplay(SimulationServer server, TextWriter log, ConcurrentDictionary<int, long> statusCodes)
{
    private readonly Random _random = new(7);

    public ConcurrentDictionary<int, long> StatusCodes => statusCodes;

    public async Task RunAsync(IEnumerable<SimStep> steps, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var sent = 0;
        foreach (var step in steps)
        {
            if (server.Clock.GetUtcNow() < step.At) server.Clock.SetUtcNow(step.At);
            var status = await SendAsync(step, cancellationToken);
            StatusCodes.AddOrUpdate(status, 1, static (_, n) => n + 1);
            if (++sent % 5000 == 0) log.WriteLine($"abuse-sim: {sent} requests, now {step.At:u}, {sent / clock.Elapsed.TotalSeconds:0} req/s");
        }
    }

    private async Task<int> SendAsync(SimStep step, CancellationToken cancellationToken)
    {
        var key = step.Key;
        var org = key.Organisation;
        var repo = org.Repositories[step.Repository];
        var http = key.Http(server.BaseAddress);
        try
        {
            switch (step.Kind)
            {
                case SimStepKind.Submit:
                {
                    var files = step.WithToken ? step.Files.Append((".osprey-verification", repo.Token)) : step.Files;
                    using var response = await http.PostAsync($"/api/v1/scans?assetId={repo.AssetId}", SimulationServer.Zip(files), cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        key.LastScanId = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
                    }

                    return (int)response.StatusCode;
                }

                case SimStepKind.ListFindings when key.LastScanId is { } scan:
                    return await GetAsync(http, $"/api/v1/scans/{scan}/findings", cancellationToken);
                case SimStepKind.Export:
                    return await GetAsync(http, $"/api/v1/assets/{repo.AssetId}/findings/export", cancellationToken);
                default:
                    var finding = org.FindingIds.Count == 0 ? Guid.Empty : org.FindingIds[_random.Next(org.FindingIds.Count)];
                    return await GetAsync(http, $"/api/v1/findings/{finding}", cancellationToken);
            }
        }
        catch (HttpRequestException)
        {
            return -1;
        }
    }

    private static async Task<int> GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (int)response.StatusCode;
    }
}
