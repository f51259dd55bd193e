using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>Collects a method's summary while its body (and the lambdas it runs inline) is analysed.</summary>
internal sealed class SummaryBuilder
{
    // A method reaching more sinks than this is summarised by its first ones: enough for every finding's place.
    private const int MaxSinks = 256;

    private readonly List<SummarySink> _sinks = [];
    private readonly Dictionary<ISymbol, TaintValue> _fieldWrites = new(SymbolEqualityComparer.Default);

    /// <summary>The merged returned value.</summary>
    public TaintValue Return { get; private set; } = TaintValue.Bottom;

    /// <summary>The merged thrown value.</summary>
    public TaintValue Thrown { get; private set; } = TaintValue.Bottom;

    /// <summary>Whether the analysis stopped early.</summary>
    public bool Incomplete { get; set; }

    /// <summary>Adds a returned value.</summary>
    public void AddReturn(TaintValue value) => Return = TaintValue.Merge(Return, value);

    /// <summary>Adds a thrown value.</summary>
    public void AddThrown(TaintValue value) => Thrown = TaintValue.Merge(Thrown, value.WithoutConstant());

    /// <summary>Adds a parameter-to-sink flow (ignored when an equal one is known).</summary>
    public void AddSink(SummarySink sink)
    {
        if (!HasSink(sink.Parameter, sink.Path, sink.Kind, sink.Sanitized, sink.Trace.Step.Location))
        {
            _sinks.Add(sink);
        }
    }

    /// <summary>
    /// Whether <see cref="AddSink"/> would ignore a flow with these parts (an equal one is known, or
    /// the summary is full): callers ask first so as not to build the trace of a flow already known.
    /// </summary>
    public bool HasSink(int parameter, string path, string kind, ulong sanitized, Location sinkLocation)
    {
        if (_sinks.Count >= MaxSinks)
        {
            return true;
        }

        foreach (var known in _sinks)
        {
            if (known.SameFlow(parameter, path, kind, sanitized, sinkLocation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records parameter-derived taint stored in a shared field.</summary>
    public void AddFieldWrite(ISymbol field, TaintValue value) =>
        _fieldWrites[field] = _fieldWrites.TryGetValue(field, out var old) ? TaintValue.Merge(old, value) : value;

    /// <summary>The summary, with <paramref name="outValues"/> taken from the exit state.</summary>
    public MethodSummary Build(ImmutableDictionary<int, TaintValue> outValues, ImmutableDictionary<ISymbol, TaintValue>? staticOuts = null) => new()
    {
        StaticOuts = staticOuts ?? ImmutableDictionary.Create<ISymbol, TaintValue>(SymbolEqualityComparer.Default),
        Return = Return,
        Thrown = Thrown,
        Sinks = [.. _sinks],
        OutValues = outValues,
        FieldWrites = _fieldWrites.ToImmutableDictionary(SymbolEqualityComparer.Default),
        Incomplete = Incomplete,
    };
}
