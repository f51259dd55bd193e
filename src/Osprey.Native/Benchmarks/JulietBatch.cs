using System.Collections.Immutable;

namespace Osprey.Native.Benchmarks;

/// <summary>
/// Cases of one Juliet CWE built into one program: every file compiled by one compiler call
/// per language, linked with a generated dispatcher that runs one case's <c>bad</c> or
/// <c>good</c> function chosen on the command line. One link instead of one per case is what
/// makes a run over thousands of cases affordable; each case still runs in its own process.
/// </summary>
/// <param name="Index">The batch number, for folder names.</param>
/// <param name="Cases">The cases, in order.</param>
internal sealed record JulietBatch(int Index, ImmutableArray<JulietCase> Cases)
{
    /// <summary>The folders the cases are in: their include paths (a case's header sits beside it).</summary>
    public ImmutableArray<string> Folders => [.. Cases.Select(c => Path.GetDirectoryName(c.Files[0])!).Distinct(StringComparer.Ordinal)];

    /// <summary>The batch's CWE.</summary>
    public int Cwe => Cases[0].Cwe;

    /// <summary>
    /// Splits <paramref name="cases"/> into batches of at most <paramref name="size"/> cases of one
    /// CWE, taken in turns across the CWEs (the first batch of each CWE, then the second of each, …)
    /// so that a run stopped early has still covered every CWE.
    /// </summary>
    public static ImmutableArray<JulietBatch> Plan(IEnumerable<JulietCase> cases, int size)
    {
        var perCwe = cases.GroupBy(c => c.Cwe).OrderBy(g => g.Key).Select(g => g.Chunk(Math.Max(1, size)).ToList()).ToList();
        var batches = ImmutableArray.CreateBuilder<JulietBatch>();
        for (var round = 0; perCwe.Any(chunks => round < chunks.Count); round++)
        {
            foreach (var chunks in perCwe.Where(chunks => round < chunks.Count))
            {
                batches.Add(new JulietBatch(batches.Count, [.. chunks[round]]));
            }
        }

        return batches.ToImmutable();
    }
}
