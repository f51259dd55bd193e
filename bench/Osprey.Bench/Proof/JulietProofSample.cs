using Osprey.Bench.Juliet;

namespace Osprey.Bench.Proof;

/// <summary>
/// A fixed-seed stratified sample of one CWE folder's detected bad cases: every flow variant and every
/// source appears at least once (variants and sources are paired in shuffled order, so the pairing
/// differs between CWEs), topped up at random to <c>perCwe</c> cases. Zero takes every case; fewer
/// cases than strata take only the first strata (a quick look, not covering every variant and source).
/// </summary>
internal static class JulietProofSample
{
    public static HashSet<string> Select(IReadOnlyList<JulietCase> detected, int perCwe, int seed)
    {
        if (perCwe == 0)
        {
            return [.. detected.Select(c => c.Name)];
        }

        var random = new Random(seed ^ (detected.Count == 0 ? 0 : detected[0].Cwe));
        var variants = Shuffle(detected.Select(c => c.Variant).Distinct().Order(StringComparer.Ordinal).ToList(), random);
        var sources = Shuffle(detected.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal).ToList(), random);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var strata = Math.Min(perCwe, Math.Max(variants.Count, sources.Count));
        for (var k = 0; k < strata; k++)
        {
            var variant = variants[k % variants.Count];
            var source = sources[k % sources.Count];
            var pick = detected.FirstOrDefault(c => c.Variant == variant && c.Source == source && !chosen.Contains(c.Name))
                ?? detected.Where(c => (c.Variant == variant || c.Source == source) && !chosen.Contains(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
            if (pick is not null)
            {
                chosen.Add(pick.Name);
            }
        }

        foreach (var extra in Shuffle([.. detected.Where(c => !chosen.Contains(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal)], random))
        {
            if (chosen.Count >= perCwe)
            {
                break;
            }

            chosen.Add(extra.Name);
        }

        return chosen;
    }

    private static List<T> Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
