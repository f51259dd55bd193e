using System.Globalization;

namespace Osprey.CSharp.Loading;

/// <summary>
/// Just enough of NuGet's versioning to pick an installed package folder: numeric parts compared in
/// order, a pre-release label sorting before the release, and the minimum of a version range.
/// </summary>
internal sealed record NuGetVersion(int[] Parts, string? Label)
{
    /// <summary>Orders versions.</summary>
    public static IComparer<NuGetVersion?> Comparer { get; } = Comparer<NuGetVersion?>.Create((a, b) => Compare(a!, b!));

    /// <summary>Parses <c>1.2.3</c>, <c>1.2.3-beta.1</c>; null otherwise.</summary>
    public static NuGetVersion? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var core = plus >= 0 ? text[..plus] : text;
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        var numbers = (dash >= 0 ? core[..dash] : core).Split('.');
        var parts = new int[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!int.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
            {
                return null;
            }
        }

        return new NuGetVersion(parts, dash >= 0 ? core[(dash + 1)..] : null);
    }

    /// <summary>
    /// Reads a version or range (<c>1.2</c>, <c>[1.2]</c>, <c>[1.2,2.0)</c>, <c>1.*</c>): an exact
    /// version when one is named, and the minimum.
    /// </summary>
    public static (NuGetVersion? Exact, NuGetVersion? Minimum) ParseRange(string? text)
    {
        var spec = text?.Trim() ?? "";
        if (spec.Length == 0)
        {
            return (null, null);
        }

        if (spec.StartsWith('[') && spec.EndsWith(']') && !spec.Contains(',', StringComparison.Ordinal))
        {
            var pinned = TryParse(spec[1..^1]);
            return (pinned, pinned);
        }

        var lower = spec.TrimStart('[', '(').Split(',')[0].Trim().Replace("*", "0", StringComparison.Ordinal);
        var minimum = TryParse(lower.TrimEnd('.'));
        var exact = spec.IndexOfAny(['[', '(', ',', '*']) < 0 ? minimum : null;
        return (exact, minimum);
    }

    /// <summary>Compares two versions.</summary>
    public static int Compare(NuGetVersion a, NuGetVersion b)
    {
        for (var i = 0; i < Math.Max(a.Parts.Length, b.Parts.Length); i++)
        {
            var x = i < a.Parts.Length ? a.Parts[i] : 0;
            var y = i < b.Parts.Length ? b.Parts[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return (a.Label, b.Label) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.Compare(a.Label, b.Label, StringComparison.OrdinalIgnoreCase),
        };
    }
}
