using System.Globalization;

namespace Osprey.Server.Watermarking;

/// <summary>
/// What <c>osprey fingerprint identify &lt;file&gt;</c> does, without I/O: parse the operator's key
/// list, identify the text, and render the verdict. The CLI reads the files and prints the lines.
/// </summary>
public static class FingerprintIdentifyCommandCore
{
    /// <summary>Exit code when an organisation was named.</summary>
    public const int ExitAttributed = 0;

    /// <summary>Exit code when the text could not be attributed.</summary>
    public const int ExitNotAttributed = 1;

    /// <summary>Exit code for a bad key list.</summary>
    public const int ExitBadInput = 2;

    /// <summary>
    /// Parses a key list: one <c>org-id base64-secret</c> pair per line (tab or spaces); blank lines
    /// and lines starting with <c>#</c> are skipped. Every bad line is reported with its number.
    /// </summary>
    /// <param name="content">The key list file's content.</param>
    /// <param name="keys">The parsed keys.</param>
    /// <param name="errors">One message per bad line.</param>
    /// <returns>Whether the whole list parsed.</returns>
    public static bool TryParseKeyList(string content, out IReadOnlyList<OrgFingerprintKey> keys, out IReadOnlyList<string> errors)
    {
        var list = new List<OrgFingerprintKey>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                problems.Add($"line {i + 1}: expected 'org-id base64-secret', found {parts.Length} fields");
                continue;
            }

            var secret = new byte[parts[1].Length];
            if (!Convert.TryFromBase64String(parts[1], secret, out var length))
            {
                problems.Add($"line {i + 1}: the secret of '{parts[0]}' is not base64");
            }
            else if (length < 16)
            {
                problems.Add($"line {i + 1}: the secret of '{parts[0]}' is {length} bytes; at least 16 are needed");
            }
            else if (!seen.Add(parts[0]))
            {
                problems.Add($"line {i + 1}: organisation '{parts[0]}' appears twice");
            }
            else
            {
                list.Add(new OrgFingerprintKey(parts[0], secret[..length]));
            }
        }

        if (list.Count == 0 && problems.Count == 0) problems.Add("the key list has no keys");
        keys = list;
        errors = problems;
        return problems.Count == 0;
    }

    /// <summary>Identifies <paramref name="text"/> among <paramref name="keys"/>; returns the exit code, the match and the lines to print.</summary>
    /// <param name="text">The suspect file's content.</param>
    /// <param name="keys">The candidate organisations' keys.</param>
    /// <param name="options">Decision thresholds; defaults when null.</param>
    public static (int ExitCode, FingerprintMatch Match, IReadOnlyList<string> Lines) Run(string text, IReadOnlyList<OrgFingerprintKey> keys, WatermarkerOptions? options = null)
    {
        var match = new OutputWatermarker(options).Identify(text, keys);
        var verdict = match.Confident ? $"organisation: {match.OrgId}" : "organisation: not identified";
        var score = double.IsPositiveInfinity(match.Score) ? "zero-width tag" : match.Score.ToString("0.0", CultureInfo.InvariantCulture);
        return (match.Confident ? ExitAttributed : ExitNotAttributed, match, [verdict, $"evidence: {score}; {match.Explanation}"]);
    }
}
