using System.Text.RegularExpressions;

namespace Osprey.CSharp.Loading;

/// <summary>
/// The small part of MSBuild's expression language Osprey reads as data: <c>$(Property)</c>
/// expansion and conditions made of quoted comparisons joined by <c>and</c>/<c>or</c>. Property
/// functions, item transforms and <c>Exists()</c> are never evaluated; a condition that uses them
/// counts as false (the usual <c>Exists(...)</c> imports are of the SDK's own files).
/// </summary>
internal static partial class MsBuildConditions
{
    /// <summary>Replaces <c>$(Name)</c> with known property values (unknown ones become empty). Returns null when the text uses a property function.</summary>
    public static string? Expand(string text, IReadOnlyDictionary<string, string> properties)
    {
        if (text.Contains("$([", StringComparison.Ordinal) || text.Contains("@(", StringComparison.Ordinal))
        {
            return null;
        }

        if (!text.Contains("$(", StringComparison.Ordinal))
        {
            return text;
        }

        var failed = false;
        var result = PropertyPattern().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (!IsSimpleName(name))
            {
                failed = true;
                return "";
            }

            return properties.TryGetValue(name, out var value) ? value : "";
        });
        return failed ? null : result;
    }

    /// <summary>Evaluates a condition; anything outside the supported subset is false.</summary>
    public static bool Evaluate(string? condition, IReadOnlyDictionary<string, string> properties)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        var trimmed = condition.Trim();
        var orParts = OrPattern().Split(trimmed);
        if (orParts.Length > 1)
        {
            return orParts.Any(p => Evaluate(p, properties));
        }

        var andParts = AndPattern().Split(trimmed);
        if (andParts.Length > 1)
        {
            return andParts.All(p => Evaluate(p, properties));
        }

        var comparison = ComparisonPattern().Match(trimmed.Trim('(', ')', ' '));
        if (!comparison.Success)
        {
            return false;
        }

        var left = Expand(comparison.Groups["left"].Value, properties);
        var right = Expand(comparison.Groups["right"].Value, properties);
        if (left is null || right is null)
        {
            return false;
        }

        var equal = string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);
        return comparison.Groups["op"].Value == "==" ? equal : !equal;
    }

    private static bool IsSimpleName(string name) => name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    [GeneratedRegex(@"\$\(([^)]*)\)")]
    private static partial Regex PropertyPattern();

    [GeneratedRegex(@"\s+or\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OrPattern();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^'(?<left>[^']*)'\s*(?<op>==|!=)\s*'(?<right>[^']*)'$")]
    private static partial Regex ComparisonPattern();
}
