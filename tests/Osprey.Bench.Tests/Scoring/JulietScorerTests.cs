using Osprey.Bench.Juliet;
using Osprey.Bench.Reporting;
using Osprey.Bench.Scoring;
using Osprey.Bench.Tests.Support;

namespace Osprey.Bench.Tests.Scoring;

public class JulietScorerTests
{
    private static (JulietScorer Scorer, System.Collections.Immutable.ImmutableArray<JulietCase> Cases, string Folder) Load(TempFolder temp)
    {
        var suite = JulietSuite.Locate(MiniJuliet.Create(temp));
        var folder = suite.CweFolders()[0];
        var cases = JulietCaseGrouper.Group(folder.Cwe, folder.SourceFiles());
        return (JulietScorer.Load(cases), cases, folder.Path);
    }

    private static ToolFinding At(string file, int line, int cwe) => new("t", "r", [cwe], [new FileLine(file, line)], []);

    [Fact]
    public void Score_FindingOnBadSink_DetectsBadOnlyForItsCase()
    {
        using var temp = new TempFolder();
        var (scorer, _, folder) = Load(temp);
        var file = Path.Combine(folder, "CWE78_OS_Command_Injection__Environment_01.cs");

        var outcomes = scorer.Score([At(file, 11, 78)], AcceptedCwes.For(78));

        var outcome = Assert.Single(outcomes);
        Assert.Equal("CWE78_OS_Command_Injection__Environment_01", outcome.Key);
        Assert.True(outcome.Value.BadDetected);
        Assert.False(outcome.Value.GoodFlagged);
    }

    [Fact]
    public void Score_FindingOnGoodSink_FlagsGood()
    {
        using var temp = new TempFolder();
        var (scorer, _, folder) = Load(temp);
        var file = Path.Combine(folder, "CWE78_OS_Command_Injection__Environment_01.cs");

        var outcome = scorer.Score([At(file, 22, 78)], AcceptedCwes.For(78))["CWE78_OS_Command_Injection__Environment_01"];

        Assert.False(outcome.BadDetected);
        Assert.True(outcome.GoodFlagged);
    }

    [Fact]
    public void Score_FindingOfUnacceptedCwe_CountsForNothing()
    {
        using var temp = new TempFolder();
        var (scorer, _, folder) = Load(temp);
        var file = Path.Combine(folder, "CWE78_OS_Command_Injection__Environment_01.cs");

        Assert.Empty(scorer.Score([At(file, 11, 89)], AcceptedCwes.For(78)));
    }

    [Fact]
    public void Score_SinkInSecondPartOfCase_CountsForTheWholeCase()
    {
        using var temp = new TempFolder();
        var (scorer, _, folder) = Load(temp);
        var partB = Path.Combine(folder, "CWE78_OS_Command_Injection__QueryString_Web_22b.cs");

        var outcome = scorer.Score([At(partB, 8, 88)], AcceptedCwes.For(78))["CWE78_OS_Command_Injection__QueryString_Web_22"];

        Assert.True(outcome.BadDetected);
    }

    [Fact]
    public void Record_Outcomes_TalliesByCweVariantAndSource()
    {
        using var temp = new TempFolder();
        var (scorer, cases, folder) = Load(temp);
        var file = Path.Combine(folder, "CWE78_OS_Command_Injection__Environment_01.cs");
        var results = new ToolResults { Display = "t", Variants = [], Sources = [] };
        var run = new ToolRun([At(file, 11, 78)], 1.5, null, []);

        JulietBenchmark.Record(results, 78, cases, scorer.Score(run.Findings, AcceptedCwes.For(78)), run, verified: false);

        var cwe = results.Cwe["78"];
        Assert.Equal((2, 1, 0, 1.5), (cwe.Cases, cwe.BadDetected, cwe.GoodFlagged, cwe.Seconds));
        Assert.Equal(1, results.Variants!["01"].BadDetected);
        Assert.Equal(0, results.Variants["22"].BadDetected);
        Assert.Equal(1, results.Sources!["Environment"].BadDetected);
        Assert.Null(cwe.BadConfirmed);
    }

    [Fact]
    public void Record_Verified_CountsConfirmedFindings()
    {
        using var temp = new TempFolder();
        var (scorer, cases, folder) = Load(temp);
        var file = Path.Combine(folder, "CWE78_OS_Command_Injection__Environment_01.cs");
        var confirmed = At(file, 11, 78) with { Confirmed = true };
        var results = new ToolResults { Display = "t", Variants = [], Sources = [] };
        var run = new ToolRun([confirmed, At(file, 22, 78)], 1, null, []);

        JulietBenchmark.Record(results, 78, cases, scorer.Score(run.Findings, AcceptedCwes.For(78)), run, verified: true);

        Assert.Equal((1, 0), (results.Cwe["78"].BadConfirmed, results.Cwe["78"].GoodConfirmed));
        Assert.Equal(1, results.Cwe["78"].GoodFlagged);
    }

    [Fact]
    public void Record_FlagInDefectiveCopy_CountsStrictButNotAdjusted()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "CWE117");
        Directory.CreateDirectory(folder);
        var partA = Path.Combine(folder, "CWE117_X__Environment_75a.cs");
        File.WriteAllText(partA, """
            class CWE117_X__Environment_75a
            {
                public void Bad() { Sink(System.Environment.GetEnvironmentVariable("ADD")); }
                public void GoodG2B() { Sink(System.Environment.GetEnvironmentVariable("ADD")); }
                public void GoodB2G() { Sink(System.Environment.GetEnvironmentVariable("ADD").Length.ToString()); }
                static void Sink(string s) { System.Console.WriteLine(s); }
            }
            """);
        var cases = JulietCaseGrouper.Group(117, [partA]);
        var scorer = JulietScorer.Load(cases);
        var results = new ToolResults { Display = "t", Variants = [], Sources = [] };
        var run = new ToolRun([At(partA, 3, 117), At(partA, 4, 117)], 1, null, []);

        JulietBenchmark.Record(results, 117, cases, scorer.Score(run.Findings, AcceptedCwes.For(117)), run, verified: false, scorer.DefectiveCases);

        var cwe = results.Cwe["117"];
        Assert.Equal((1, 1, 1, 0), (cwe.BadDetected, cwe.GoodFlagged, cwe.JulietDefects, cwe.GoodFlaggedAdjusted));
    }
}
