using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The path a tainted value took, as an immutable list that shares its prefix: appending is O(1)
/// and a million values that came from one source share that source's step. Joining two paths
/// (a caller's path into a callee's summary path) is O(1) too: the join keeps both and is spelled
/// out only when the steps are read, for findings. Paths stop growing at <see cref="MaxLength"/>
/// steps (a loop can otherwise lengthen them forever); the source and the first steps before the
/// cap are kept, and a path that ends in a sink always ends in it. A join's <see cref="Length"/> is
/// an upper bound (a step repeated where the paths meet, or past the cap, is dropped on reading).
/// </summary>
internal sealed class TaintTrace
{
    /// <summary>The longest path kept.</summary>
    public const int MaxLength = 48;

    // A step node: _previous, then _step. A join: _previous, then the steps of _rest (_step is _rest's last).
    private readonly TaintTrace? _previous;
    private readonly TaintTrace? _rest;
    private readonly JoinKind _kind;

    private TaintTrace(TaintTrace? previous, TaintStep step, JoinKind kind, TaintTrace? rest = null, int length = 0)
    {
        _previous = previous;
        _rest = rest;
        _kind = kind;
        Step = step;
        Length = rest is null ? (previous?.Length ?? 0) + 1 : length;
    }

    private enum JoinKind
    {
        /// <summary>A step appended under the cap and the no-repeat rule.</summary>
        Append,

        /// <summary>A step appended unconditionally (a sink).</summary>
        Terminate,

        /// <summary>A join whose last step is appended unconditionally.</summary>
        Concat,

        /// <summary>A join whose every step is subject to the cap.</summary>
        ConcatSteps,
    }

    /// <summary>The last step.</summary>
    public TaintStep Step { get; }

    /// <summary>The number of steps (for a join, at most that: a step repeated where the two paths meet is read once).</summary>
    public int Length { get; }

    /// <summary>Whether any step was assumed rather than modelled.</summary>
    public bool HasAssumedStep => Steps().Any(s => s.Kind == TraceStepKind.Assumed);

    /// <summary>A path of one step.</summary>
    public static TaintTrace Start(TaintStep step) => new(null, step, JoinKind.Append);

    /// <summary>This path plus <paramref name="step"/> (unchanged when full or when the step repeats the last one).</summary>
    public TaintTrace Append(TaintStep step) =>
        Length >= MaxLength || Repeats(Step, step) ? this : new TaintTrace(this, step, JoinKind.Append);

    /// <summary>This path plus a step at <paramref name="location"/>.</summary>
    public TaintTrace Append(Location location, string description, string? member, TraceStepKind kind = TraceStepKind.Step) =>
        Append(new TaintStep(location, description, kind, member));

    /// <summary>This path plus <paramref name="step"/>, even when full: the last step (a sink) is never dropped.</summary>
    public TaintTrace Terminate(TaintStep step) => new(this, step, JoinKind.Terminate);

    /// <summary>This path followed by every step of <paramref name="rest"/>; the last step of <paramref name="rest"/> is always kept.</summary>
    public TaintTrace Concat(TaintTrace? rest)
    {
        if (rest is null)
        {
            return this;
        }

        return Length >= MaxLength || rest.Length == 1
            ? Terminate(rest.Step)
            : new TaintTrace(this, rest.Step, JoinKind.Concat, rest, Math.Min(Length + rest.Length, MaxLength + 1));
    }

    /// <summary>This path followed by the steps of <paramref name="rest"/>, each subject to the length cap.</summary>
    public TaintTrace ConcatSteps(TaintTrace? rest)
    {
        if (rest is null || Length >= MaxLength)
        {
            return this;
        }

        return rest.Length == 1 ? Append(rest.Step) : new TaintTrace(this, rest.Step, JoinKind.ConcatSteps, rest, Math.Min(Length + rest.Length, MaxLength));
    }

    /// <summary>The steps, first to last.</summary>
    public IReadOnlyList<TaintStep> Steps()
    {
        var steps = new List<TaintStep>(Length);
        AppendTo(steps, 0);
        return steps;
    }

    /// <summary>Replaces the contents of <paramref name="steps"/> by the steps, first to last (no allocation beyond the list's growth).</summary>
    public void CopyStepsTo(List<TaintStep> steps)
    {
        steps.Clear();
        AppendTo(steps, 0);
    }

    private static bool Repeats(TaintStep last, TaintStep step) => last.Description == step.Description && last.Location == step.Location;

    // Replays the operations that built this path onto the list after index <paramref name="start"/>,
    // with the same cap and no-repeat rule counted from there.
    private void AppendTo(List<TaintStep> steps, int start)
    {
        _previous?.AppendTo(steps, start);
        switch (_kind)
        {
            case JoinKind.Append:
                AppendCapped(steps, start, Step);
                break;
            case JoinKind.Terminate:
                steps.Add(Step);
                break;
            default:
                // The joined path's own steps go after ours, then are replayed in place onto ours.
                var from = steps.Count;
                _rest!.AppendTo(steps, from);
                var end = steps.Count;
                var write = from;
                for (var read = from; read < end; read++)
                {
                    var step = steps[read];
                    var count = write - start;
                    if ((read == end - 1 && _kind == JoinKind.Concat) || count == 0 || (count < MaxLength && !Repeats(steps[write - 1], step)))
                    {
                        steps[write++] = step;
                    }
                }

                steps.RemoveRange(write, end - write);
                break;
        }
    }

    private static void AppendCapped(List<TaintStep> steps, int start, TaintStep step)
    {
        var count = steps.Count - start;
        if (count == 0 || (count < MaxLength && !Repeats(steps[^1], step)))
        {
            steps.Add(step);
        }
    }
}
