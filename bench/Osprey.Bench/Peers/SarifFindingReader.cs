using System.Collections.Immutable;
using System.Text.Json;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Peers;

/// <summary>
/// Reads the SARIF 2.1 log the C# compiler writes for analyzer diagnostics (<c>ErrorLog</c>) and
/// keeps the results whose rule maps to a CWE.
/// </summary>
internal static class SarifFindingReader
{
    /// <summary>
    /// The mapped findings in <paramref name="sarifJson"/>, attributed to <paramref name="tool"/>.
    /// Relative locations (DevSkim writes them relative to the folder it scanned) are resolved
    /// against <paramref name="baseDirectory"/>; without one they are dropped.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static ImmutableArray<ToolFinding> Read(string sarifJson, string tool, Func<string, int?> cweOf, string? baseDirectory = null)
    {
        using var document = JsonDocument.Parse(sarifJson);
        var findings = ImmutableArray.CreateBuilder<ToolFinding>();
        if (!document.RootElement.TryGetProperty("runs", out var runs))
        {
            return [];
        }

        foreach (var run in runs.EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var ruleId = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "" : "";
                if (cweOf(ruleId) is not { } cwe)
                {
                    continue;
                }

                var sinks = Locations(result, "locations", baseDirectory).ToImmutableArray();
                var related = Locations(result, "relatedLocations", baseDirectory).ToImmutableArray();
                findings.Add(new ToolFinding(tool, ruleId, [cwe], sinks, related));
            }
        }

        return findings.ToImmutable();
    }

    private static IEnumerable<FileLine> Locations(JsonElement result, string property, string? baseDirectory)
    {
        if (!result.TryGetProperty(property, out var locations))
        {
            yield break;
        }

        foreach (var location in locations.EnumerateArray())
        {
            if (location.TryGetProperty("physicalLocation", out var physical)
                && physical.TryGetProperty("artifactLocation", out var artifact)
                && artifact.TryGetProperty("uri", out var uri)
                && physical.TryGetProperty("region", out var region)
                && region.TryGetProperty("startLine", out var line)
                && PathOf(uri.GetString(), baseDirectory) is { } path)
            {
                yield return new FileLine(path, line.GetInt32());
            }
        }
    }

    private static string? PathOf(string? uri, string? baseDirectory) =>
        uri is null ? null
        : Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath)
        : Path.IsPathRooted(uri) ? Path.GetFullPath(uri)
        : baseDirectory is not null ? Path.GetFullPath(Path.Combine(baseDirectory, Uri.UnescapeDataString(uri)))
        : null;
}
