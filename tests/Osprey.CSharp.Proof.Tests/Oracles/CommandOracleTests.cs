using static Osprey.CSharp.Proof.Tests.Oracles.OracleTestSupport;

namespace Osprey.CSharp.Proof.Tests.Oracles;

public sealed class CommandOracleTests
{
    private const string Kind = "command-injection";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Judge_PayloadAppendedToCommandLine_AddsShellSyntax(int index)
    {
        var payload = Payload(Kind, index);

        var verdict = Judge(Kind, payload, Observe(Kind, "/bin/ls " + payload.Value));

        Assert.True(verdict.Exploitable, verdict.Explanation);
    }

    [Fact]
    public void Judge_PayloadInSingleQuotes_IsNeutralised()
    {
        var payload = Payload(Kind, 0);

        var verdict = Judge(Kind, payload, Observe(Kind, "/bin/ls '" + payload.Value + "'"));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void Judge_SubstitutionInDoubleQuotes_IsStillExploitable()
    {
        var payload = Payload(Kind, 3);

        var verdict = Judge(Kind, payload, Observe(Kind, "/bin/echo \"" + payload.Value + "\""));

        Assert.True(verdict.Exploitable);
    }

    [Fact]
    public void Judge_FileAndArguments_SeparatorIsOnlyAnArgument()
    {
        var payload = Payload(Kind, 0);

        var verdict = Judge(Kind, payload, Observe(Kind, "/bin/ls", "-l \"" + payload.Value + "\"").WithFact("shape", "file+arguments"));

        Assert.False(verdict.Exploitable);
    }

    [Fact]
    public void Judge_FileAndArguments_InjectedOptionIsExploitable()
    {
        var payload = Payload(Kind, 4);

        var verdict = Judge(Kind, payload, Observe(Kind, "/usr/bin/git", "log " + payload.Value).WithFact("shape", "file+arguments"));

        Assert.True(verdict.Exploitable);
        Assert.Contains("option", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ShellWithDashC_ReadsTheCommandAsACommandLine()
    {
        var payload = Payload(Kind, 0);

        var verdict = Judge(Kind, payload, Observe(Kind, "/bin/sh", "-c \"ping -c 1 " + payload.Value + "\"").WithFact("shape", "file+arguments"));

        Assert.True(verdict.Exploitable);
    }

    [Fact]
    public void Judge_AttackerNamesTheProgram_IsExploitable()
    {
        var payload = Payload(Kind, 0);

        var verdict = Judge(Kind, payload, Observe(Kind, payload.Value, "").WithFact("shape", "file+arguments"));

        Assert.True(verdict.Exploitable);
    }

    [Fact]
    public void Judge_HardcodedCommand_PayloadNotReached()
    {
        var verdict = Judge(Kind, Payload(Kind, 0), Observe(Kind, "/bin/ls foo"));

        Assert.False(verdict.Reached);
    }
}
