namespace Osprey.CSharp.Analysis.Taint;

/// <summary>A source reaching a sink, before it is turned into a <see cref="Osprey.Core.Findings.Finding"/>.</summary>
internal sealed record PendingFinding(TaintSource Source, string SinkKind, TaintTrace Trace);
