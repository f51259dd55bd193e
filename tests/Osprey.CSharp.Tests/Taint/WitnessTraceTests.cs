using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// Where one input reaches a place by two paths, one sanitised for the sink and one not, the
/// finding's trace is the path that does reach the sink, not whichever the analysis met first.
/// </summary>
public sealed class WitnessTraceTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadLine_ParsedOnOneBranchRawOnOther_TraceIsTheRawPath(bool parsedFirst)
    {
        var parsed = "text = int.Parse(input).ToString();";
        var raw = "text = input.Trim();";
        var source = "using System; using System.Diagnostics;\n" + $$"""
            public static class Use
            {
                public static void Run(bool choice)
                {
                    var input = Console.ReadLine()!; // source
                    string text;
                    if (choice) { {{(parsedFirst ? parsed : raw)}} } else { {{(parsedFirst ? raw : parsed)}} }
                    Process.Start(text); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");

        Assert.DoesNotContain(finding.Trace, step => step.Description.Contains("Parse", StringComparison.Ordinal));
        Assert.Contains(finding.Trace, step => step.Description.Contains("Trim", StringComparison.Ordinal));
    }
}
