using System.Collections.Immutable;

namespace Osprey.Bench.Scoring;

/// <summary>One tool's run on one benchmark folder, reduced for scoring.</summary>
/// <param name="Findings">What it reported.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="CpuSeconds">CPU seconds of its child processes, for peers.</param>
/// <param name="Errors">What went wrong.</param>
/// <param name="Skipped">Why it was not run, when it was not.</param>
internal sealed record ToolRun(ImmutableArray<ToolFinding> Findings, double Seconds, double? CpuSeconds, ImmutableArray<string> Errors, string? Skipped = null)
{
    /// <summary>A run that did not happen, for the reason given.</summary>
    public static ToolRun NotRun(string reason) => new([], 0, null, [], reason);
}
