using System.Text.Json;

namespace Osprey.Bench.Reporting;

/// <summary>
/// Adds the tools of an earlier run of the same benchmark to a new run, so a slow peer measured
/// once can sit beside tools re-measured later in one table. A tool measured in both runs on
/// disjoint groups (CWEs) gets both runs' groups, with its variant and source tallies added up;
/// where the groups overlap the new run's results stand alone. Merged results keep their own
/// timings and errors.
/// </summary>
internal static class BenchResultsMerge
{
    /// <summary>Reads <paramref name="path"/> and adds what <paramref name="current"/> lacks (see the type); returns the names of the tools that received results.</summary>
    /// <exception cref="Cli.BenchUsageException">The file is missing, is not JSON, or is another benchmark's.</exception>
    public static IReadOnlyList<string> AddEarlierTools(BenchResults current, string path)
    {
        BenchResults? earlier;
        try
        {
            earlier = JsonSerializer.Deserialize<BenchResults>(File.ReadAllText(path), BenchJson.Options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new Cli.BenchUsageException($"--merge: cannot read '{path}': {ex.Message}");
        }

        if (earlier is null || earlier.Benchmark != current.Benchmark)
        {
            throw new Cli.BenchUsageException($"--merge: '{path}' holds {earlier?.Benchmark ?? "nothing"}, not {current.Benchmark} results.");
        }

        var added = new List<string>();
        foreach (var (name, tool) in earlier.Tools)
        {
            if (current.Tools.TryAdd(name, Reordered(tool)))
            {
                added.Add(name);
            }
            else if (current.Tools[name] is var mine && !mine.Cwe.Keys.Intersect(tool.Cwe.Keys).Any())
            {
                Combine(mine, tool);
                added.Add(name);
            }
        }

        return added;
    }

    private static void Combine(ToolResults into, ToolResults from)
    {
        foreach (var (key, tally) in from.Cwe)
        {
            into.Cwe[key] = tally;
        }

        AddConcepts(into.Concepts, from.Concepts);
        AddConcepts(into.InputSinkConcepts, from.InputSinkConcepts);
        AddTallies(into.Variants, from.Variants);
        AddTallies(into.Sources, from.Sources);
        into.Errors.AddRange(from.Errors);
    }

    private static void AddConcepts(SortedDictionary<string, Scoring.CweTally>? into, SortedDictionary<string, Scoring.CweTally>? from)
    {
        if (into is null || from is null)
        {
            return;
        }

        foreach (var (key, tally) in from)
        {
            if (!into.TryAdd(key, tally))
            {
                Add(into[key], tally);
                into[key].Seconds += tally.Seconds;
            }
        }
    }

    private static void AddTallies(SortedDictionary<string, Scoring.Tally>? into, SortedDictionary<string, Scoring.Tally>? from)
    {
        if (into is null || from is null)
        {
            return;
        }

        foreach (var (key, tally) in from)
        {
            if (!into.TryAdd(key, tally))
            {
                Add(into[key], tally);
            }
        }
    }

    private static void Add(Scoring.Tally into, Scoring.Tally from)
    {
        into.Cases += from.Cases;
        into.BadDetected += from.BadDetected;
        into.GoodFlagged += from.GoodFlagged;
        if (from.GoodCases is { } goodCases)
        {
            into.GoodCases = (into.GoodCases ?? 0) + goodCases;
        }

        if (from.BadConfirmed is { } badConfirmed)
        {
            into.BadConfirmed = (into.BadConfirmed ?? 0) + badConfirmed;
            into.GoodConfirmed = (into.GoodConfirmed ?? 0) + (from.GoodConfirmed ?? 0);
        }
    }

    // JSON gives the dictionaries ordinal order ("113" before "15"); restore numeric order.
    private static ToolResults Reordered(ToolResults tool) => new()
    {
        Display = tool.Display,
        Cwe = new(tool.Cwe, NumericFirstComparer.Instance),
        Concepts = tool.Concepts is null ? null : new(tool.Concepts, NumericFirstComparer.Instance),
        InputSinkConcepts = tool.InputSinkConcepts is null ? null : new(tool.InputSinkConcepts, NumericFirstComparer.Instance),
        Variants = tool.Variants,
        Sources = tool.Sources,
        Errors = tool.Errors,
    };
}
