using System.Collections.Immutable;

namespace Osprey.CSharp.Models;

/// <summary>Every model row that applies to one method.</summary>
internal sealed record ApiModels
{
    /// <summary>No rows.</summary>
    public static ApiModels None { get; } = new();

    /// <summary>Sources.</summary>
    public ImmutableArray<SourceModel> Sources { get; init; } = [];

    /// <summary>Sinks.</summary>
    public ImmutableArray<SinkModel> Sinks { get; init; } = [];

    /// <summary>Flow summaries.</summary>
    public ImmutableArray<SummaryModel> Summaries { get; init; } = [];

    /// <summary>Barriers.</summary>
    public ImmutableArray<BarrierModel> Barriers { get; init; } = [];

    /// <summary>Barrier guards.</summary>
    public ImmutableArray<BarrierGuardModel> Guards { get; init; } = [];

    /// <summary>Whether a neutral says the method has no flow (cancels the default assumption and generated summaries).</summary>
    public bool IsNeutral { get; init; }

    /// <summary>Whether nothing applies.</summary>
    public bool IsEmpty => Sources.IsEmpty && Sinks.IsEmpty && Summaries.IsEmpty && Barriers.IsEmpty && Guards.IsEmpty && !IsNeutral;
}
