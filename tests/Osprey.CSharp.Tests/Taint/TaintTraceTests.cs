using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Osprey.Core.Findings;
using Osprey.CSharp.Analysis.Taint;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// A taint path shares its prefix and joins a caller's path to a callee's in O(1); read back, it
/// holds the same steps a step-by-step copy would: at most <see cref="TaintTrace.MaxLength"/>, the
/// source first, a sink always last, and a step repeated where two paths meet read once.
/// </summary>
public sealed class TaintTraceTests
{
    private static readonly SyntaxTree Tree = CSharpSyntaxTree.ParseText(new string(' ', 4000), path: "Trace.cs");

    private static TaintStep Step(int at, string text = "step", TraceStepKind kind = TraceStepKind.Step) =>
        new(Location.Create(Tree, new TextSpan(at, 1)), text, kind, "M");

    private static TaintTrace Path(int from, int count, string text = "step")
    {
        var trace = TaintTrace.Start(Step(from, "source"));
        for (var i = 1; i < count; i++)
        {
            trace = trace.Append(Step(from + i, text));
        }

        return trace;
    }

    private static int[] Positions(TaintTrace trace) => [.. trace.Steps().Select(s => s.Location.SourceSpan.Start)];

    [Fact]
    public void Append_PastMaxLength_KeepsSourceAndFirstSteps()
    {
        var trace = Path(0, 60);

        Assert.Equal(Enumerable.Range(0, TaintTrace.MaxLength), Positions(trace));
    }

    [Fact]
    public void Concat_ShortPaths_ReadsBothInOrder()
    {
        var joined = Path(0, 3).Concat(Path(100, 4));

        Assert.Equal([0, 1, 2, 100, 101, 102, 103], Positions(joined));
    }

    [Fact]
    public void Concat_PathsLongerThanCapTogether_KeepsFirstStepsAndTheSink()
    {
        var joined = Path(0, 30).Concat(Path(100, 30));

        var positions = Positions(joined);
        Assert.Equal(TaintTrace.MaxLength + 1, positions.Length);
        Assert.Equal(Enumerable.Range(0, 30).Concat(Enumerable.Range(100, 18)).Append(129), positions);
    }

    [Fact]
    public void ConcatSteps_PathsLongerThanCapTogether_DropsTheStepsPastTheCap()
    {
        var joined = Path(0, 30).ConcatSteps(Path(100, 30));

        Assert.Equal(Enumerable.Range(0, 30).Concat(Enumerable.Range(100, 18)), Positions(joined));
    }

    [Fact]
    public void ConcatSteps_StepRepeatedWhereThePathsMeet_ReadOnce()
    {
        var caller = TaintTrace.Start(Step(0, "source")).Append(Step(5, "passed"));
        var callee = TaintTrace.Start(Step(5, "passed")).Append(Step(9, "returned"));

        Assert.Equal([0, 5, 9], Positions(caller.ConcatSteps(callee)));
    }

    [Fact]
    public void Append_AfterNestedJoins_ReadsEveryStepOnce()
    {
        var inner = Path(100, 3).ConcatSteps(Path(200, 2));
        var outer = Path(0, 2).ConcatSteps(inner).Append(Step(300)).Concat(Path(400, 2));

        Assert.Equal([0, 1, 100, 101, 102, 200, 201, 300, 400, 401], Positions(outer));
        Assert.Equal(401, outer.Step.Location.SourceSpan.Start);
    }

    [Fact]
    public void HasAssumedStep_AssumedStepInsideJoinedPath_True()
    {
        var callee = TaintTrace.Start(Step(100, "entry")).Append(Step(101, "through Unknown", TraceStepKind.Assumed));

        Assert.True(Path(0, 3).ConcatSteps(callee).HasAssumedStep);
        Assert.False(Path(0, 3).ConcatSteps(Path(100, 3)).HasAssumedStep);
    }
}
