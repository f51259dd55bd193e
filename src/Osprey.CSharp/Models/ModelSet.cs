using System.Collections.Immutable;

namespace Osprey.CSharp.Models;

/// <summary>The rows of one or more model files, grouped by relation, plus the rows that were rejected.</summary>
internal sealed record ModelSet
{
    /// <summary>An empty set.</summary>
    public static ModelSet Empty { get; } = new();

    /// <summary>Sources.</summary>
    public ImmutableArray<SourceModel> Sources { get; init; } = [];

    /// <summary>Sinks.</summary>
    public ImmutableArray<SinkModel> Sinks { get; init; } = [];

    /// <summary>Flow summaries.</summary>
    public ImmutableArray<SummaryModel> Summaries { get; init; } = [];

    /// <summary>Barriers (sanitizers).</summary>
    public ImmutableArray<BarrierModel> Barriers { get; init; } = [];

    /// <summary>Barrier guards (validators).</summary>
    public ImmutableArray<BarrierGuardModel> BarrierGuards { get; init; } = [];

    /// <summary>Neutrals.</summary>
    public ImmutableArray<NeutralModel> Neutrals { get; init; } = [];

    /// <summary>Rows or files that were rejected, each with its file and line.</summary>
    public ImmutableArray<ModelError> Errors { get; init; } = [];

    /// <summary>The number of usable rows.</summary>
    public int RowCount => Sources.Length + Sinks.Length + Summaries.Length + Barriers.Length + BarrierGuards.Length + Neutrals.Length;

    /// <summary>Both sets' rows together.</summary>
    public ModelSet Concat(ModelSet other) => new()
    {
        Sources = Sources.AddRange(other.Sources),
        Sinks = Sinks.AddRange(other.Sinks),
        Summaries = Summaries.AddRange(other.Summaries),
        Barriers = Barriers.AddRange(other.Barriers),
        BarrierGuards = BarrierGuards.AddRange(other.BarrierGuards),
        Neutrals = Neutrals.AddRange(other.Neutrals),
        Errors = Errors.AddRange(other.Errors),
    };
}
