using System.Collections.Immutable;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Tests.Support;

/// <summary>Assertions on taint findings: rule, source line and sink line (marked in the test program with comments).</summary>
internal static class FindingAssert
{
    /// <summary>Asserts exactly one finding of <paramref name="ruleId"/>, from the line marked <c>// source</c> to the line marked <c>// sink</c>.</summary>
    public static Finding Single(ImmutableArray<Finding> findings, string source, string ruleId, string sourceMarker = "// source", string sinkMarker = "// sink")
    {
        var matching = findings.Where(f => f.RuleId == ruleId).ToList();
        Assert.True(matching.Count == 1, $"Expected one {ruleId} finding but got {matching.Count}: {Describe(findings)}");
        var finding = matching[0];
        Assert.Equal(TaintRun.LineOf(source, sinkMarker), finding.Location.StartLine);
        Assert.Equal(TaintRun.LineOf(source, sourceMarker), finding.Trace[0].Location.StartLine);
        Assert.Equal(TraceStepKind.Source, finding.Trace[0].Kind);
        Assert.Equal(TraceStepKind.Sink, finding.Trace[^1].Kind);
        return finding;
    }

    /// <summary>Asserts there is no finding of <paramref name="ruleId"/>.</summary>
    public static void None(ImmutableArray<Finding> findings, string ruleId) =>
        Assert.True(findings.All(f => f.RuleId != ruleId), $"Expected no {ruleId} finding: {Describe(findings)}");

    private static string Describe(ImmutableArray<Finding> findings) =>
        findings.IsEmpty ? "(none)" : string.Join("; ", findings.Select(f => $"{f.RuleId} at {f.Location.StartLine} from {f.Trace[0].Location.StartLine}"));
}
