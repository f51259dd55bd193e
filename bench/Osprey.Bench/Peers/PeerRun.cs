using System.Collections.Immutable;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Peers;

/// <summary>The result of one peer build: mapped findings, the analysis build's time, and any error.</summary>
internal sealed record PeerRun(ImmutableArray<ToolFinding> Findings, double Seconds, ImmutableArray<string> Errors, double? CpuSeconds = null);
