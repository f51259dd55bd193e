using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Osprey.Native.Benchmarks;

/// <summary>One Juliet test case: its files (one, or a flow split over several) and its CWE.</summary>
internal sealed partial record JulietCase(string Name, int Cwe, ImmutableArray<string> Files)
{
    public bool IsCpp => Files.Any(f => f.EndsWith(".cpp", StringComparison.Ordinal));

    [GeneratedRegex(@"^(?<case>CWE(?<cwe>\d+)_.+_\d{2})(?:[a-z]|_\w+)?\.(?:c|cpp)$")]
    private static partial Regex CaseFile();

    // Windows-only (w32), network (sockets) and random (rand) sources: the first two do not run
    // here, the last makes the bad path depend on chance. Environment-variable and fixed-file
    // sources read state outside the sandbox's control (/tmp/file.txt, the parent's environment).
    private static readonly string[] Excluded = ["w32", "socket", "_rand_", "_environment_", "_file_"];

    // Flow variant 12 branches on globalReturnsTrueOrFalse(), which calls rand().
    private const string RandomFlowVariant = "_12";

    public static IEnumerable<JulietCase> Discover(string testcases, int cwe)
    {
        var folder = Directory.EnumerateDirectories(testcases, $"CWE{cwe}_*").FirstOrDefault();
        if (folder is null)
        {
            yield break;
        }

        var groups = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Select(f => (File: f, Match: CaseFile().Match(Path.GetFileName(f))))
            .Where(x => x.Match.Success && int.Parse(x.Match.Groups["cwe"].Value, System.Globalization.CultureInfo.InvariantCulture) == cwe)
            .GroupBy(x => x.Match.Groups["case"].Value, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (Excluded.Any(e => group.Key.Contains(e, StringComparison.OrdinalIgnoreCase)) || group.Key.EndsWith(RandomFlowVariant, StringComparison.Ordinal))
            {
                continue;
            }

            yield return new JulietCase(group.Key, cwe, [.. group.Select(x => x.File).Order(StringComparer.Ordinal)]);
        }
    }

    /// <summary>The two-digit flow variant at the end of the case name (<c>01</c>…<c>84</c>).</summary>
    public string FlowVariant => Name[^2..];

    /// <summary>
    /// Up to <paramref name="perVariant"/> cases of each flow variant, drawn by a shuffle seeded with
    /// <paramref name="seed"/>, in name order.
    /// </summary>
    public static IReadOnlyList<JulietCase> StratifiedSample(IReadOnlyList<JulietCase> cases, int perVariant, int seed)
    {
        var random = new Random(seed);
        return [.. cases.GroupBy(c => c.FlowVariant, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray() is var all && all.Length <= perVariant ? all : Shuffle(all, random).Take(perVariant))
            .OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    private static JulietCase[] Shuffle(JulietCase[] cases, Random random)
    {
        var copy = (JulietCase[])cases.Clone();
        random.Shuffle(copy);
        return copy;
    }

    /// <summary>
    /// <paramref name="count"/> of <paramref name="cases"/> spread over the flow variants: each
    /// variant's cases are shuffled with <paramref name="seed"/>, then one case is taken from each
    /// variant in turn until <paramref name="count"/> are taken, so a sample smaller than the number
    /// of variants still has no variant twice. In name order; all when 0.
    /// </summary>
    public static IReadOnlyList<JulietCase> Sample(IReadOnlyList<JulietCase> cases, int count, int seed)
    {
        if (count <= 0 || cases.Count <= count)
        {
            return cases;
        }

        var random = new Random(seed);
        var variants = cases.GroupBy(c => c.FlowVariant, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<JulietCase>(Shuffle([.. g.OrderBy(c => c.Name, StringComparer.Ordinal)], random))).ToList();
        var order = Enumerable.Range(0, variants.Count).ToArray();
        random.Shuffle(order);
        var taken = new List<JulietCase>(count);
        while (taken.Count < count)
        {
            foreach (var i in order.Where(i => variants[i].Count > 0))
            {
                if (taken.Count == count)
                {
                    break;
                }

                taken.Add(variants[i].Dequeue());
            }
        }

        return [.. taken.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }
}
