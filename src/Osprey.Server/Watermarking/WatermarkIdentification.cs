using System.Globalization;
using System.Text.RegularExpressions;

namespace Osprey.Server.Watermarking;

/// <summary>
/// Scores each candidate on both channels. Phrasing: each distinct (group, context) slot votes once
/// (its most frequent variant), so a sentence repeated a hundred times is one vote, not a hundred;
/// a candidate's z-score is its matches above the chance level Σ 1/|group|.
/// </summary>
internal static partial class WatermarkIdentification
{
    [GeneratedRegex("\u2060([\u200B\u200C]{32})")]
    private static partial Regex TagPattern();

    public static FingerprintMatch Identify(string text, IReadOnlyCollection<OrgFingerprintKey> candidates, WatermarkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0) return new(null, false, 0, 0, 0, 0, "No candidate organisations were given.");

        var tags = TagPattern().Matches(text).Select(m => Decode(m.Groups[1].Value)).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var slots = WatermarkText.Slots(WatermarkText.StripInvisible(text))
            .GroupBy(s => (s.Group, s.Context))
            .Select(g => (g.Key.Group, g.Key.Context, Variant: g.GroupBy(s => s.Variant).OrderByDescending(v => v.Count()).ThenBy(v => v.Key).First().Key))
            .ToList();
        var expected = slots.Sum(s => 1.0 / WatermarkSynonyms.Groups[s.Group].Length);
        var variance = slots.Sum(s => (1.0 / WatermarkSynonyms.Groups[s.Group].Length) * (1 - (1.0 / WatermarkSynonyms.Groups[s.Group].Length)));

        var scored = candidates.Select(key =>
        {
            var chooser = new OutputWatermarker.Chooser(key);
            var matches = slots.Count(s => chooser.Choose(s.Group, s.Context) == s.Variant);
            var z = variance > 0 ? (matches - expected) / Math.Sqrt(variance) : 0;
            return (Key: key, Matches: matches, Z: z, Tags: tags.GetValueOrDefault(OutputWatermarker.Tag(key)));
        }).OrderByDescending(c => c.Tags).ThenByDescending(c => c.Z).ToList();

        var best = scored[0];
        var runnerUp = scored.Count > 1 ? scored.Skip(1).Max(c => c.Z) : double.NegativeInfinity;
        var inv = CultureInfo.InvariantCulture;
        if (best.Tags > 0)
        {
            return new(best.Key.OrgId, true, double.PositiveInfinity, slots.Count, best.Matches, best.Tags, string.Create(inv,
                $"Found {best.Tags} zero-width tag(s) of {best.Key.OrgId}; phrasing matches its key in {best.Matches} of {slots.Count} slots (z = {best.Z:0.0})."));
        }

        var byZ = scored.OrderByDescending(c => c.Z).ToList();
        best = byZ[0];
        runnerUp = byZ.Count > 1 ? byZ[1].Z : double.NegativeInfinity;
        var confident = slots.Count >= options.MinSlots && best.Z >= options.MinZScore && best.Z - runnerUp >= options.MinMargin;
        var why = confident
            ? $"Phrasing matches the key of {best.Key.OrgId} in {best.Matches} of {slots.Count} slots, {expected:0.0} expected by chance (z = {best.Z:0.0}, next best {runnerUp:0.0})."
            : slots.Count < options.MinSlots
                ? $"Only {slots.Count} phrasing slots and no zero-width tag: too little text to attribute (need {options.MinSlots})."
                : $"Best candidate {best.Key.OrgId} matches {best.Matches} of {slots.Count} slots, {expected:0.0} expected by chance (z = {best.Z:0.0}, next best {runnerUp:0.0}): below the attribution threshold z ≥ {options.MinZScore}.";
        return new(best.Key.OrgId, confident, best.Z, slots.Count, best.Matches, 0, string.Create(inv, $"{why}"));
    }

    private static uint Decode(string bits)
    {
        uint v = 0;
        foreach (var c in bits) v = (v << 1) | (c == WatermarkText.One ? 1u : 0u);
        return v;
    }
}
