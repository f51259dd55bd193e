using Osprey.Bench.FlowBlot;
using Osprey.Bench.Reporting;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Tests.FlowBlot;

public class FlowBlotTests
{
    private const string Truth = """
        {
          "version": "2.1.0",
          "runs": [{
            "tool": { "driver": { "name": "FlowBlot.NET" } },
            "results": [
              { "kind": "fail", "ruleId": "CWE-89", "message": { "text": "x" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "Flows/Field-Sensitivity/Flow_00001.cs" }, "region": { "startLine": 1, "endLine": 20 } } }] },
              { "kind": "pass", "ruleId": "CWE-89", "message": { "text": "y" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "Flows/Regular Expression/Flow_00002.cs" }, "region": { "startLine": 1, "endLine": 15 } } }] }
            ]
          }]
        }
        """;

    [Fact]
    public void Parse_TruthSarif_ReadsKindConceptAndRegion()
    {
        var cases = FlowBlotTruth.Parse("File2SqlInjection_CWE89", Truth);

        Assert.Collection(
            cases,
            c => Assert.Equal(("Field-Sensitivity", true, 89, 20), (c.Concept, c.MustReport, c.Cwe, c.EndLine)),
            c => Assert.Equal(("Regular Expression", false), (c.Concept, c.MustReport)));
    }

    [Fact]
    public void Parse_ProjectWithoutCwe_FailsClearly() =>
        Assert.Contains("_CWE", Assert.Throws<InvalidDataException>(() => FlowBlotTruth.Parse("Nothing", Truth)).Message);

    [Fact]
    public void Reported_TraceStepInFlowFile_ReportsTheFailCase()
    {
        var cases = FlowBlotTruth.Parse("File2SqlInjection_CWE89", Truth);
        var flowFile = Path.GetFullPath("/p/Flows/Field-Sensitivity/Flow_00001.cs");
        var finding = new ToolFinding("osprey", "cs/sql-injection", [89], [new FileLine("/p/Model/Framework.cs", 30)], [new FileLine(flowFile, 9)]);

        var reported = FlowBlotScorer.Reported("/p", cases, [finding], AcceptedCwes.For(89));

        Assert.Equal(cases[0], Assert.Single(reported));
    }

    [Fact]
    public void Add_FailAndPassCases_CountRecallAndFalseAlarmsSeparately()
    {
        var cases = FlowBlotTruth.Parse("File2SqlInjection_CWE89", Truth);
        var tally = new CweTally();

        FlowBlotScorer.Add(tally, cases, new HashSet<FlowBlotCase> { cases[1] });

        Assert.Equal((1, 0, 1, 1), (tally.Cases, tally.BadDetected, tally.GoodCases!.Value, tally.GoodFlagged));
        Assert.Equal(1.0, tally.FalseAlarmRate);
    }

    [Fact]
    public void SinkUsesInput_ShorthandCommandAndInjectionCwes_OnlyInjectionSinksUseIt() =>
        Assert.Equal((false, true, true, true, true), (FlowBlotTruth.SinkUsesInput(426), FlowBlotTruth.SinkUsesInput(15), FlowBlotTruth.SinkUsesInput(23), FlowBlotTruth.SinkUsesInput(78), FlowBlotTruth.SinkUsesInput(89)));

    [Fact]
    public void Render_InputSinkConcepts_InputSinkTableFirstThenAllProjectsWithTheNote()
    {
        var results = new BenchResults { Benchmark = "flowblot", Suite = "/p", StartedAt = DateTimeOffset.UnixEpoch, ConceptNote = FlowBlotTruth.ShorthandCommandNote };
        results.Tools["osprey"] = new ToolResults
        {
            Display = "Osprey",
            Cwe = new(NumericFirstComparer.Instance) { ["89"] = new CweTally { Cases = 2, BadDetected = 2 }, ["426"] = new CweTally { Cases = 2, BadDetected = 1, GoodFlagged = 1 } },
            Concepts = new(NumericFirstComparer.Instance) { ["Simple"] = new CweTally { Cases = 4, BadDetected = 3, GoodFlagged = 1 } },
            InputSinkConcepts = new(NumericFirstComparer.Instance) { ["Simple"] = new CweTally { Cases = 2, BadDetected = 2 } },
        };

        var text = MarkdownTables.Render(results, "CWE");

        var inputSinks = text.IndexOf("## By analysis concept: projects whose sink uses the input", StringComparison.Ordinal);
        var all = text.IndexOf("## By analysis concept: all projects", StringComparison.Ordinal);
        var note = text.IndexOf(FlowBlotTruth.ShorthandCommandNote, StringComparison.Ordinal);
        Assert.True(inputSinks >= 0 && all > inputSinks && note > all, text);
        Assert.Contains("| Simple | 2 | 2/2 (100%) · 0 |", text[inputSinks..all], StringComparison.Ordinal);
        Assert.Contains("| Simple | 4 | 3/4 (75%) · 1 |", text[all..note], StringComparison.Ordinal);
        Assert.Contains("| 426 | 2 |", text, StringComparison.Ordinal);
    }
}
