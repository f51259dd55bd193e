using System.Collections.Frozen;

namespace Osprey.Bench.Scoring;

/// <summary>
/// Which reported CWEs count as detecting a benchmark CWE. Benchmarks file cases under narrow
/// CWEs (Juliet's CWE-23 "relative path traversal") that tools report under their parent
/// (CWE-22), so each benchmark CWE accepts itself plus the CWEs listed here. The table is
/// documented in docs/benchmarks.md; change both together.
/// </summary>
internal static class AcceptedCwes
{
    private static readonly FrozenDictionary<int, int[]> Extra = new Dictionary<int, int[]>
    {
        // Injection
        [15] = [15],
        [22] = [23, 36, 73],
        [79] = [80, 81, 83],
        [23] = [22, 36],
        [36] = [22, 23],
        [78] = [88, 77],
        [80] = [79],
        [81] = [79],
        [83] = [79],
        [89] = [564],
        [90] = [],
        [94] = [95],
        [113] = [93],
        [117] = [93],
        [134] = [],
        [470] = [],
        [601] = [],
        [643] = [91],
        // Numbers and arrays
        [129] = [125, 787, 20],
        [190] = [128, 680],
        [191] = [],
        [193] = [125, 787],
        [197] = [681],
        [369] = [],
        [681] = [197],
        [789] = [770, 400],
        [400] = [770],
        [606] = [834, 400],
        // Cryptography and secrets
        [256] = [257, 312],
        [259] = [798, 321],
        [261] = [327, 328, 916],
        [313] = [312],
        [314] = [312],
        [315] = [312],
        [319] = [311, 523],
        [321] = [798, 259],
        [325] = [327],
        [327] = [328, 326],
        [328] = [327, 916],
        [329] = [1204],
        [336] = [335, 338],
        [338] = [330],
        [798] = [259, 321],
        [523] = [319],
        [759] = [916, 328],
        [760] = [916, 328],
        // Information exposure
        [209] = [200, 497],
        [526] = [200, 214],
        [532] = [200],
        [535] = [209, 200],
        [539] = [315],
        [598] = [200],
        // Not 1004: a cookie without HttpOnly is another weakness than one without Secure, and
        // Juliet's CWE-614 good cases set Secure but never HttpOnly.
        [614] = [311],
        [615] = [200, 546],
        // Resources, errors and control flow
        [114] = [426, 427, 73],
        [252] = [253, 754],
        [253] = [252, 754],
        [284] = [732, 276],
        [350] = [290, 807],
        [378] = [377],
        [379] = [377],
        [404] = [772, 775],
        [426] = [427],
        [427] = [426, 114],
        [476] = [690],
        [566] = [639],
        [690] = [476, 252],
        [698] = [705],
        [764] = [667],
        [765] = [667],
        [772] = [775, 404],
        [775] = [772, 404],
        [832] = [667],
        [833] = [667],
        [835] = [834],
    }.ToFrozenDictionary();

    /// <summary>The CWEs that count as detecting <paramref name="benchmarkCwe"/>: itself and the table's extras.</summary>
    public static IReadOnlySet<int> For(int benchmarkCwe)
    {
        var accepted = new HashSet<int> { benchmarkCwe };
        if (Extra.TryGetValue(benchmarkCwe, out var extra))
        {
            accepted.UnionWith(extra);
        }

        return accepted;
    }

    /// <summary>The benchmark CWEs with entries beyond themselves, for documentation.</summary>
    public static IEnumerable<(int Cwe, IReadOnlyList<int> Extra)> Table =>
        Extra.OrderBy(e => e.Key).Select(e => (e.Key, (IReadOnlyList<int>)e.Value));
}
