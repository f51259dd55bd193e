using Osprey.Bench.Peers;

namespace Osprey.Bench.Tests.Peers;

public class PeerRuleMapTests
{
    [Theory]
    [InlineData("SCS0001", 78)]
    [InlineData("SCS0002", 89)]
    [InlineData("SCS0018", 22)]
    [InlineData("SCS0026", 90)]
    [InlineData("SCS0031", 90)]
    [InlineData("SCS0003", 643)]
    [InlineData("SCS0027", 601)]
    [InlineData("SCS0029", 79)]
    [InlineData("CA3001", 89)]
    [InlineData("CA3002", 79)]
    [InlineData("CA3003", 22)]
    [InlineData("CA3006", 78)]
    [InlineData("CA3012", 730)]
    public void CweOf_KnownRule_MapsToItsCwe(string rule, int cwe) => Assert.Equal(cwe, PeerRuleMap.CweOf(rule));

    [Theory]
    [InlineData("CA1822")]
    [InlineData("SCS0000")]
    [InlineData("")]
    public void CweOf_OtherRule_IsIgnored(string rule) => Assert.Null(PeerRuleMap.CweOf(rule));

    [Fact]
    public void CanReport_ToolWithoutRuleForCwe_IsFalse()
    {
        Assert.False(PeerRunner.CanReport(PeerTool.SecurityCodeScan, Osprey.Bench.Scoring.AcceptedCwes.For(134)));
        Assert.True(PeerRunner.CanReport(PeerTool.NetAnalyzers, Osprey.Bench.Scoring.AcceptedCwes.For(23)));
    }
}
