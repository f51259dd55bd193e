namespace Osprey.Core.Findings;

/// <summary>What happens to the tainted value at one step of a trace.</summary>
public enum TraceStepKind
{
    /// <summary>Attacker-controlled data enters the program here.</summary>
    Source = 0,
    /// <summary>The value is copied, transformed, stored or passed on.</summary>
    Step = 1,
    /// <summary>A step through code without a model, where flow was assumed.</summary>
    Assumed = 2,
    /// <summary>The value reaches the dangerous operation.</summary>
    Sink = 3,
}

/// <summary>One step of a finding's trace, from source to sink.</summary>
public sealed record TraceStep
{
    /// <summary>Where the step happens.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>What happened there, in a few words: "read from query string 'q'", "concatenated", "reached SqlCommand.CommandText".</summary>
    public required string Description { get; init; }

    /// <summary>The step's role in the trace.</summary>
    public TraceStepKind Kind { get; init; } = TraceStepKind.Step;
}
