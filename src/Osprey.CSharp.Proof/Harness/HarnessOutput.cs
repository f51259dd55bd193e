using System.Collections.Immutable;
using System.Text.Json;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>What the harness reported for one payload: the sink observations and any exception the entry point threw.</summary>
internal sealed record PayloadRun(int PayloadIndex, ImmutableArray<SinkObservation> Observations, string? Error)
{
    /// <summary>How a web case drove this payload (the request it sent), or null for a direct call.</summary>
    public Web.WebRun? Web { get; init; }
}

/// <summary>Reads the driver's report: the last standard-output line starting with the marker, a JSON array.</summary>
internal static class HarnessOutput
{
    public const string Marker = "@@OSPREY@@";

    public static ImmutableArray<PayloadRun>? Parse(string standardOutput)
    {
        var line = standardOutput.Split('\n').LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line[Marker.Length..]);
            return [.. document.RootElement.EnumerateArray().Select(ReadRun)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PayloadRun ReadRun(JsonElement run)
    {
        var observations = run.GetProperty("observations").EnumerateArray().Select(o => new SinkObservation
        {
            SinkKind = o.GetProperty("kind").GetString() ?? "",
            Api = o.GetProperty("api").GetString() ?? "",
            Values = [.. o.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString())],
            Facts = o.GetProperty("facts").EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal),
        });
        var error = run.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return new PayloadRun(run.GetProperty("payload").GetInt32(), [.. observations], error)
        {
            Web = run.TryGetProperty("web", out var web) && web.ValueKind == JsonValueKind.Object ? Web.WebRun.Read(web) : null,
        };
    }
}
