using System.Collections.Immutable;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.InProcess;

/// <summary>The result of one in-process Osprey scan, reduced for scoring.</summary>
/// <param name="Findings">The findings, with absolute paths.</param>
/// <param name="Seconds">Wall-clock time of the scan.</param>
/// <param name="Errors">Engine failures and error diagnostics; empty when the scan went through.</param>
internal sealed record OspreyRun(ImmutableArray<ToolFinding> Findings, double Seconds, ImmutableArray<string> Errors);
