using System.Text.RegularExpressions;

namespace Osprey.Server.Watermarking;

/// <summary>Tokenising and slot finding shared by embedding and identification, so both see the same slots.</summary>
internal static partial class WatermarkText
{
    /// <summary>Zero-width space (bit 0), zero-width non-joiner (bit 1), word joiner (tag start), and the BOM some editors leave.</summary>
    public const char Zero = '\u200B', One = '\u200C', TagStart = '\u2060', Bom = '\uFEFF';

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();

    [GeneratedRegex("[\u200B\u200C\u2060\uFEFF]")]
    private static partial Regex Invisible();

    private static readonly Lazy<(Regex Slot, Dictionary<string, (int Group, int Variant)> Lookup)> SlotPattern = new(BuildSlotPattern);

    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    public static string StripInvisible(string text) => Invisible().Replace(text, "");

    /// <summary>One occurrence of a variant: where, which group and variant, and the context word that keys the choice.</summary>
    public readonly record struct Slot(int Index, int Length, int Group, int Variant, string Context);

    /// <summary>The slots of <paramref name="text"/> (which must not contain zero-width characters), left to right.</summary>
    public static List<Slot> Slots(string text)
    {
        var (pattern, lookup) = SlotPattern.Value;
        var words = Word().Matches(text).Where(m => !WatermarkSynonyms.VariantWords.Contains(m.Value)).ToList();
        var slots = new List<Slot>();
        var w = -1;
        foreach (Match m in pattern.Matches(text))
        {
            while (w + 1 < words.Count && words[w + 1].Index + words[w + 1].Length <= m.Index) w++;
            var (group, variant) = lookup[Normalise(m.Value)];
            slots.Add(new Slot(m.Index, m.Length, group, variant, w >= 0 ? words[w].Value.ToLowerInvariant() : ""));
        }

        return slots;
    }

    private static string Normalise(string phrase) => string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static (Regex, Dictionary<string, (int, int)>) BuildSlotPattern()
    {
        var lookup = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var g = 0; g < WatermarkSynonyms.Groups.Length; g++)
        {
            for (var v = 0; v < WatermarkSynonyms.Groups[g].Length; v++) lookup.Add(WatermarkSynonyms.Groups[g][v], (g, v));
        }

        // Longest first, so "an attacker" wins over a shorter variant at the same place; spaces match any whitespace run.
        var alternatives = lookup.Keys.OrderByDescending(k => k.Length).Select(k => string.Join(@"\s+", k.Split(' ').Select(Regex.Escape)));
        var pattern = new Regex(@"(?<![\p{L}\p{N}_'-])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}_'-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return (pattern, lookup);
    }
}
