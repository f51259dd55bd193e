namespace Osprey.Bench.Reporting;

/// <summary>The JSON document a benchmark writes: what ran, on what, and each tool's results.</summary>
internal sealed class BenchResults
{
    /// <summary>The benchmark: <c>juliet-cs</c> or <c>flowblot</c>.</summary>
    public required string Benchmark { get; init; }

    /// <summary>The checkout that was measured.</summary>
    public required string Suite { get; init; }

    /// <summary>When the run started (UTC, ISO 8601).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>A line printed under the all-projects concept table: why the input-sink concept table leaves projects out (FlowBlot); null for none.</summary>
    public string? ConceptNote { get; init; }

    /// <summary>Results by tool name.</summary>
    public SortedDictionary<string, ToolResults> Tools { get; init; } = new(StringComparer.Ordinal);
}
