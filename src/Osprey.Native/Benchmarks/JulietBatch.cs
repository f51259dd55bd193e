using System.Collections.Immutable;

namespace Osprey.Native.Benchmarks;

/// <summary>
/// Cases of one Juliet folder built into one program: every file compiled by one compiler call
/// per language, linked with a generated dispatcher that runs one case's <c>bad</c> or
/// <c>good</c> function chosen on the command line. One link instead of one per case is what
/// makes a run over thousands of cases affordable; each case still runs in its own process.
/// </summary>
/// <param name="Index">The batch number, for folder names.</param>
/// <param name="Folder">The Juliet folder the cases are in (their include path).</param>
/// <param name="Cases">The cases, in order.</param>
internal sealed record JulietBatch(int Index, string Folder, ImmutableArray<JulietCase> Cases)
{
    /// <summary>Splits <paramref name="cases"/> into batches of at most <paramref name="size"/> cases from the same folder.</summary>
    public static ImmutableArray<JulietBatch> Plan(IEnumerable<JulietCase> cases, int size)
    {
        var batches = ImmutableArray.CreateBuilder<JulietBatch>();
        foreach (var folder in cases.GroupBy(c => Path.GetDirectoryName(c.Files[0])!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var chunk in folder.Chunk(Math.Max(1, size)))
            {
                batches.Add(new JulietBatch(batches.Count, folder.Key, [.. chunk]));
            }
        }

        return batches.ToImmutable();
    }
}
