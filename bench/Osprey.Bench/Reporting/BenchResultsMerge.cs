using System.Text.Json;

namespace Osprey.Bench.Reporting;

/// <summary>
/// Adds the tools of an earlier run of the same benchmark to a new run, so a slow peer measured
/// once can sit beside tools re-measured later in one table. A tool measured in both keeps the
/// new run's results; the merged tools keep their own timings and errors.
/// </summary>
internal static class BenchResultsMerge
{
    /// <summary>Reads <paramref name="path"/> and adds its tools missing from <paramref name="current"/>; returns the names added.</summary>
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
        }

        return added;
    }

    // JSON gives the dictionaries ordinal order ("113" before "15"); restore numeric order.
    private static ToolResults Reordered(ToolResults tool) => new()
    {
        Display = tool.Display,
        Cwe = new(tool.Cwe, NumericFirstComparer.Instance),
        Concepts = tool.Concepts is null ? null : new(tool.Concepts, NumericFirstComparer.Instance),
        Variants = tool.Variants,
        Sources = tool.Sources,
        Errors = tool.Errors,
    };
}
