using Osprey.Bench.Peers;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Tests.Peers;

public class DevSkimTests
{
    // The shape DevSkim 1.0.103 writes: locations relative to the folder given to -I.
    private const string Log = """
        {
          "version": "2.1.0",
          "runs": [{
            "results": [
              { "ruleId": "DS106864", "message": { "text": "Do not use the DES symmetric block cipher." },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "s01/CWE327_DES_17.cs" }, "region": { "startLine": 33 } } }] },
              { "ruleId": "DS176209", "message": { "text": "Suspicious comment" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "Other%20Dir/Note.cs" }, "region": { "startLine": 2 } } }] },
              { "ruleId": "DS162092", "message": { "text": "Do not leave debug code in production" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "s01/CWE327_DES_17.cs" }, "region": { "startLine": 40 } } }] }
            ]
          }]
        }
        """;

    [Fact]
    public void Read_DevSkimLog_ResolvesRelativeLocationsAgainstTheScannedFolder()
    {
        var findings = SarifFindingReader.Read(Log, "devskim", DevSkimRuleMap.CweOf, "/suite/CWE327");

        Assert.Equal(
            [("DS106864", 327, new FileLine("/suite/CWE327/s01/CWE327_DES_17.cs", 33)), ("DS176209", 546, new FileLine("/suite/CWE327/Other Dir/Note.cs", 2))],
            findings.Select(f => (f.RuleId, f.Cwes[0], f.Sinks[0])));
    }

    [Fact]
    public void Read_RelativeLocationsWithoutBaseFolder_AreDropped() =>
        Assert.All(SarifFindingReader.Read(Log, "devskim", DevSkimRuleMap.CweOf), f => Assert.Empty(f.Sinks));

    [Theory]
    [InlineData("DS113854", 22)]
    [InlineData("DS126858", 328)]
    [InlineData("DS148264", 338)]
    [InlineData("DS425070", 502)]
    [InlineData("DS137138", 319)]
    public void CweOf_MappedRule_GivesItsCwe(string rule, int cwe) => Assert.Equal(cwe, DevSkimRuleMap.CweOf(rule));

    [Theory]
    [InlineData("DS172412")] // unsafe code: no weakness in itself
    [InlineData("DS162092")] // localhost URL
    [InlineData("SCS0001")]
    public void CweOf_UnmappedRule_IsIgnored(string rule) => Assert.Null(DevSkimRuleMap.CweOf(rule));

    [Fact]
    public void CanReport_DevSkimOnCommandInjection_IsFalseButOnPathTraversalTrue()
    {
        Assert.False(PeerRunner.CanReport(PeerTool.DevSkim, AcceptedCwes.For(78)));
        Assert.True(PeerRunner.CanReport(PeerTool.DevSkim, AcceptedCwes.For(23)));
    }

    [Fact]
    public void ScanRoots_NestedAndSiblingFolders_KeepsOnlyTheOutermost() =>
        Assert.Equal(
            ["/j/testcases/CWE78/s01", "/j/testcases/CWE78/s02", "/j/testcasesupport"],
            DevSkimRunner.ScanRoots(["/j/testcases/CWE78/s02/B.cs", "/j/testcases/CWE78/s01/A.cs", "/j/testcases/CWE78/s01/deep/C.cs", "/j/testcasesupport/IO.cs"]));
}
