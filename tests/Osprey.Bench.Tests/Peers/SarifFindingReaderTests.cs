using Osprey.Bench.Peers;

namespace Osprey.Bench.Tests.Peers;

public class SarifFindingReaderTests
{
    private const string Log = """
        {
          "version": "2.1.0",
          "runs": [{
            "results": [
              { "ruleId": "SCS0001", "message": { "text": "cmd" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "file:///work/a%20b/Juliet+1/X_01.cs" }, "region": { "startLine": 42, "startColumn": 5 } } }] },
              { "ruleId": "CA1822", "message": { "text": "static" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "file:///work/X_01.cs" }, "region": { "startLine": 3 } } }] }
            ]
          }]
        }
        """;

    [Fact]
    public void Read_CompilerErrorLog_KeepsMappedRulesWithDecodedPaths()
    {
        var findings = SarifFindingReader.Read(Log, "scs", PeerRuleMap.CweOf);

        var finding = Assert.Single(findings);
        Assert.Equal(("scs", "SCS0001", 78), (finding.Tool, finding.RuleId, finding.Cwes[0]));
        Assert.Equal(new Osprey.Bench.Scoring.FileLine("/work/a b/Juliet+1/X_01.cs", 42), Assert.Single(finding.Sinks));
    }

    [Fact]
    public void Read_LogWithoutRuns_IsEmpty() => Assert.Empty(SarifFindingReader.Read("{}", "scs", PeerRuleMap.CweOf));
}
