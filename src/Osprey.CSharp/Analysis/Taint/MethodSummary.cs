using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// What one method does to taint, in terms of its parameters, computed once and applied at every
/// call site: what it returns (including constants, for dead-branch pruning), which parameters reach
/// sinks, what it leaves in <c>ref</c>/<c>out</c> parameters and parameter objects, what it stores in
/// fields shared across objects (static fields, fields of <c>this</c>), and what it throws.
/// </summary>
internal sealed record MethodSummary
{
    /// <summary>A method that does nothing to taint (the start of a recursive SCC's fixpoint).</summary>
    public static MethodSummary Empty { get; } = new();

    /// <summary>The returned value.</summary>
    public TaintValue Return { get; init; } = TaintValue.Bottom;

    /// <summary>Parameters that reach sinks.</summary>
    public ImmutableArray<SummarySink> Sinks { get; init; } = [];

    /// <summary>Values left in parameters (by ordinal; -1 for <c>this</c>) at exit, for <c>ref</c>/<c>out</c> and mutated objects.</summary>
    public ImmutableDictionary<int, TaintValue> OutValues { get; init; } = ImmutableDictionary<int, TaintValue>.Empty;

    /// <summary>Parameter-derived values stored in shared fields.</summary>
    public ImmutableDictionary<ISymbol, TaintValue> FieldWrites { get; init; } = ImmutableDictionary.Create<ISymbol, TaintValue>(SymbolEqualityComparer.Default);

    /// <summary>Values the method leaves in static fields (in terms of its parameters and of static placeholders).</summary>
    public ImmutableDictionary<ISymbol, TaintValue> StaticOuts { get; init; } = ImmutableDictionary.Create<ISymbol, TaintValue>(SymbolEqualityComparer.Default);

    /// <summary>What the method throws.</summary>
    public TaintValue Thrown { get; init; } = TaintValue.Bottom;

    /// <summary>Whether the analysis of the method stopped early (budget or stack depth); the summary then under-approximates.</summary>
    public bool Incomplete { get; init; }

    /// <summary>Whether both summaries are the same lattice state.</summary>
    public bool SameAs(MethodSummary other) =>
        ReferenceEquals(this, other)
        || (Return.SameAs(other.Return) && Thrown.SameAs(other.Thrown)
            && Sinks.Length == other.Sinks.Length && Sinks.All(s => other.Sinks.Any(o => o.SameFlow(s)))
            && OutValues.Count == other.OutValues.Count && OutValues.All(p => other.OutValues.TryGetValue(p.Key, out var v) && v.SameAs(p.Value))
            && StaticOuts.Count == other.StaticOuts.Count && StaticOuts.All(p => other.StaticOuts.TryGetValue(p.Key, out var v) && v.SameAs(p.Value))
            && FieldWrites.Count == other.FieldWrites.Count && FieldWrites.All(p => other.FieldWrites.TryGetValue(p.Key, out var v) && v.SameAs(p.Value)));
}
