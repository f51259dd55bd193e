using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>One step of a taint path as the analysis sees it: a Roslyn location, what happened, and the enclosing member.</summary>
internal sealed record TaintStep(Location Location, string Description, TraceStepKind Kind, string? Member);
