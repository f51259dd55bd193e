using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The path a tainted value took, as an immutable list that shares its prefix: appending is O(1)
/// and a million values that came from one source share that source's step. Paths stop growing
/// at <see cref="MaxLength"/> steps (a loop can otherwise lengthen them forever); the source and
/// the last steps before the cap are kept.
/// </summary>
internal sealed class TaintTrace
{
    /// <summary>The longest path kept.</summary>
    public const int MaxLength = 48;

    private TaintTrace(TaintTrace? previous, TaintStep step)
    {
        Previous = previous;
        Step = step;
        Length = (previous?.Length ?? 0) + 1;
    }

    /// <summary>The steps before the last one.</summary>
    public TaintTrace? Previous { get; }

    /// <summary>The last step.</summary>
    public TaintStep Step { get; }

    /// <summary>The number of steps.</summary>
    public int Length { get; }

    /// <summary>Whether any step was assumed rather than modelled.</summary>
    public bool HasAssumedStep
    {
        get
        {
            for (var t = this; t is not null; t = t.Previous)
            {
                if (t.Step.Kind == TraceStepKind.Assumed)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A path of one step.</summary>
    public static TaintTrace Start(TaintStep step) => new(null, step);

    /// <summary>This path plus <paramref name="step"/> (unchanged when full or when the step repeats the last one).</summary>
    public TaintTrace Append(TaintStep step) =>
        Length >= MaxLength || (Step.Description == step.Description && Step.Location == step.Location) ? this : new TaintTrace(this, step);

    /// <summary>This path plus a step at <paramref name="location"/>.</summary>
    public TaintTrace Append(Location location, string description, string? member, TraceStepKind kind = TraceStepKind.Step) =>
        Append(new TaintStep(location, description, kind, member));

    /// <summary>This path plus <paramref name="step"/>, even when full: the last step (a sink) is never dropped.</summary>
    public TaintTrace Terminate(TaintStep step) => new(this, step);

    /// <summary>This path followed by every step of <paramref name="rest"/>; the last step of <paramref name="rest"/> is always kept.</summary>
    public TaintTrace Concat(TaintTrace? rest)
    {
        if (rest is null)
        {
            return this;
        }

        var steps = rest.Steps();
        var result = this;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            result = result.Append(steps[i]);
        }

        return result.Terminate(steps[^1]);
    }

    /// <summary>This path followed by the steps of <paramref name="rest"/>, each subject to the length cap.</summary>
    public TaintTrace ConcatSteps(TaintTrace? rest)
    {
        if (rest is null)
        {
            return this;
        }

        var result = this;
        foreach (var step in rest.Steps())
        {
            result = result.Append(step);
        }

        return result;
    }

    /// <summary>The steps, first to last.</summary>
    public IReadOnlyList<TaintStep> Steps()
    {
        var steps = new TaintStep[Length];
        var i = Length - 1;
        for (var t = this; t is not null; t = t.Previous)
        {
            steps[i--] = t.Step;
        }

        return steps;
    }
}
