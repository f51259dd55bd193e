using System.Collections.Frozen;
using System.Text.Json;
using Osprey.Core.Findings;

namespace Osprey.Reporting.Sarif;

/// <summary>
/// Reads the fingerprints of a previous scan from a SARIF file, so that <c>osprey scan --baseline</c>
/// can leave out findings that were already known.
/// </summary>
public static class SarifBaseline
{
    /// <summary>
    /// Returns every <c>partialFingerprints["osprey/v1"]</c> value of every result of every run in
    /// the SARIF file at <paramref name="path"/>. Results without one (other tools' results) are
    /// ignored. Throws <see cref="ReportFormatException"/> when the file is missing, unreadable,
    /// not JSON or not a SARIF log.
    /// </summary>
    public static IReadOnlySet<string> LoadFingerprints(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw ReportFormatException.NotFound(path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Collect(document.RootElement, path);
        }
        catch (JsonException ex)
        {
            throw ReportFormatException.InvalidJson(path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReportFormatException.Unreadable(path, ex);
        }
    }

    private static FrozenSet<string> Collect(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ReportFormatException.NotSarif(path, "the top level is not a JSON object");
        }

        if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw ReportFormatException.NotSarif(path, "it has no 'runs' array");
        }

        if (root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String && version.GetString() != "2.1.0")
        {
            throw ReportFormatException.NotSarif(path, $"its version is '{version.GetString()}', expected '2.1.0'");
        }

        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs.EnumerateArray())
        {
            if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                if (result.ValueKind == JsonValueKind.Object
                    && result.TryGetProperty("partialFingerprints", out var prints)
                    && prints.ValueKind == JsonValueKind.Object
                    && prints.TryGetProperty(FindingFingerprint.SarifKey, out var print)
                    && print.ValueKind == JsonValueKind.String
                    && print.GetString() is { Length: > 0 } value)
                {
                    fingerprints.Add(value);
                }
            }
        }

        return fingerprints.ToFrozenSet(StringComparer.Ordinal);
    }
}
