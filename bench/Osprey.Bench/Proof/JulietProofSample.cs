using Osprey.Bench.Juliet;

namespace Osprey.Bench.Proof;

/// <summary>
/// A seeded random stratified sample of one CWE folder's detected bad cases: strata pair a flow variant
/// with a source (both in shuffled order, so the pairing differs between CWEs and seeds), each filled by
/// a case drawn at random among those of its variant and source (so no sink flavour, such as CWE-89's
/// CommandText before ExecuteNonQuery, is favoured by name order), then topped up at random to
/// <c>perCwe</c> cases. Every variant and every source appears when <c>perCwe</c> reaches their count;
/// below it, every source and <c>perCwe</c> distinct variants. Zero takes every case. The same seed
/// gives the same sample.
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
        var pool = Shuffle([.. detected.OrderBy(c => c.Name, StringComparer.Ordinal)], random);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var strata = Math.Min(perCwe, Math.Max(variants.Count, sources.Count));
        for (var k = 0; k < strata; k++)
        {
            var variant = variants[k % variants.Count];
            var source = sources[k % sources.Count];
            var pick = pool.FirstOrDefault(c => c.Variant == variant && c.Source == source && !chosen.Contains(c.Name))
                ?? pool.FirstOrDefault(c => (c.Variant == variant || c.Source == source) && !chosen.Contains(c.Name));
            if (pick is not null)
            {
                chosen.Add(pick.Name);
            }
        }

        foreach (var extra in pool.Where(c => !chosen.Contains(c.Name)))
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
