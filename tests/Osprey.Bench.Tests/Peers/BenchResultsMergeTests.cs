using Osprey.Bench.Cli;
using Osprey.Bench.Reporting;
using Osprey.Bench.Scoring;
using Osprey.Bench.Tests.Support;

namespace Osprey.Bench.Tests.Peers;

public class BenchResultsMergeTests
{
    private static BenchResults Run(string benchmark, params (string Tool, string Cwe, int Detected)[] tallies)
    {
        var results = new BenchResults { Benchmark = benchmark, Suite = "/suite", StartedAt = DateTimeOffset.UnixEpoch };
        foreach (var (tool, cwe, detected) in tallies)
        {
            if (!results.Tools.TryGetValue(tool, out var toolResults))
            {
                toolResults = new ToolResults { Display = tool };
                results.Tools[tool] = toolResults;
            }

            toolResults.Cwe[cwe] = new CweTally { Cases = 10, BadDetected = detected };
        }

        return results;
    }

    [Fact]
    public void AddEarlierTools_ToolOnlyInEarlierRun_IsAddedWithCwesInNumericOrder()
    {
        using var temp = new TempFolder();
        var earlier = Path.Combine(temp.Path, "earlier.json");
        BenchJson.Write(earlier, Run("juliet-cs", ("scs", "113", 1), ("scs", "15", 2), ("osprey", "15", 0)));
        var current = Run("juliet-cs", ("osprey", "15", 10));

        var added = BenchResultsMerge.AddEarlierTools(current, earlier);

        Assert.Equal(["scs"], added);
        Assert.Equal(["15", "113"], current.Tools["scs"].Cwe.Keys);
        Assert.Equal(10, current.Tools["osprey"].Cwe["15"].BadDetected); // the new run wins
    }

    [Fact]
    public void AddEarlierTools_SameToolOnOtherCwes_CombinesCwesAndAddsSourceTallies()
    {
        using var temp = new TempFolder();
        var earlier = Path.Combine(temp.Path, "earlier.json");
        var first = Run("juliet-cs", ("osprey", "78", 7));
        first.Tools["osprey"] = new ToolResults { Display = "osprey", Cwe = first.Tools["osprey"].Cwe, Sources = new(StringComparer.Ordinal) { ["File"] = new Tally { Cases = 10, BadDetected = 7 } } };
        BenchJson.Write(earlier, first);
        var current = Run("juliet-cs", ("osprey", "89", 9));
        current.Tools["osprey"] = new ToolResults { Display = "osprey", Cwe = current.Tools["osprey"].Cwe, Sources = new(StringComparer.Ordinal) { ["File"] = new Tally { Cases = 10, BadDetected = 9 } } };

        BenchResultsMerge.AddEarlierTools(current, earlier);

        Assert.Equal(["78", "89"], current.Tools["osprey"].Cwe.Keys);
        Assert.Equal((20, 16), (current.Tools["osprey"].Sources!["File"].Cases, current.Tools["osprey"].Sources!["File"].BadDetected));
    }

    [Fact]
    public void AddEarlierTools_OtherBenchmark_FailsClearly()
    {
        using var temp = new TempFolder();
        var earlier = Path.Combine(temp.Path, "flowblot.json");
        BenchJson.Write(earlier, Run("flowblot", ("scs", "78", 1)));

        var error = Assert.Throws<BenchUsageException>(() => BenchResultsMerge.AddEarlierTools(Run("juliet-cs"), earlier));

        Assert.Contains("flowblot", error.Message);
    }
}
