namespace Osprey.Server.Abuse;

/// <summary>
/// MinHash signatures with LSH banding: <see cref="Bands"/> × <see cref="Rows"/> hash functions. Two
/// sets with Jaccard similarity s share at least one band with probability 1 − (1 − s^r)^b, which for
/// 16 × 4 is 0.64 at s = 0.4 and 0.98 at s = 0.6, so candidate pairs are then checked on the whole signature.
/// </summary>
internal sealed class MinHashLsh(int bands = 16, int rows = 4)
{
    public int Bands { get; } = bands;

    public int Rows { get; } = rows;

    public ulong[] Signature(HashSet<ulong> shingles)
    {
        var sig = new ulong[Bands * Rows];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var i = 0; i < sig.Length; i++)
            {
                var h = StableHash.Mix(s ^ ((ulong)(i + 1) * 0x9E3779B97F4A7C15UL));
                if (h < sig[i]) sig[i] = h;
            }
        }

        return sig;
    }

    public static double EstimatedJaccard(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    /// <summary>Clusters of items whose signatures are at least <paramref name="similarity"/> alike (union-find over LSH candidates).</summary>
    public List<List<int>> Cluster(IReadOnlyList<ulong[]> signatures, double similarity)
    {
        var parent = Enumerable.Range(0, signatures.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var band = 0; band < Bands; band++)
        {
            var buckets = new Dictionary<ulong, List<int>>();
            for (var i = 0; i < signatures.Count; i++)
            {
                var h = 0UL;
                for (var r = 0; r < Rows; r++) h = StableHash.Mix(h ^ signatures[i][(band * Rows) + r]);
                if (!buckets.TryGetValue(h, out var list)) buckets[h] = list = [];
                list.Add(i);
            }

            foreach (var bucket in buckets.Values.Where(b => b.Count > 1))
            {
                for (var j = 1; j < bucket.Count; j++)
                {
                    var a = Find(bucket[0]);
                    var b = Find(bucket[j]);
                    if (a != b && EstimatedJaccard(signatures[bucket[0]], signatures[bucket[j]]) >= similarity) parent[b] = a;
                }
            }
        }

        return Enumerable.Range(0, signatures.Count).GroupBy(Find).Select(g => g.ToList()).ToList();
    }
}
