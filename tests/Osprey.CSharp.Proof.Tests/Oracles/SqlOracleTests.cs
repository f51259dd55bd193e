using static Osprey.CSharp.Proof.Tests.Oracles.OracleTestSupport;

namespace Osprey.CSharp.Proof.Tests.Oracles;

public sealed class SqlOracleTests
{
    private const string Kind = "sql-injection";

    [Fact]
    public void Judge_PayloadConcatenatedIntoQuotedValue_ClosesTheLiteralAndAddsOr()
    {
        var payload = Payload(Kind, 0);
        var verdict = Judge(Kind, payload, Observe(Kind, "SELECT * FROM users WHERE name='" + payload.Value + "'"));

        Assert.True(verdict.Exploitable);
        Assert.Contains("closed a string literal", verdict.Explanation, StringComparison.Ordinal);
        Assert.Contains("OR", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NumericContext_AddsAClause()
    {
        var payload = Payload(Kind, 1);
        var verdict = Judge(Kind, payload, Observe(Kind, "DELETE FROM orders WHERE id = " + payload.Value));

        Assert.True(verdict.Exploitable);
    }

    [Fact]
    public void Judge_StackedStatement_IsReportedWithSemicolonAndComment()
    {
        var payload = Payload(Kind, 2);
        var verdict = Judge(Kind, payload, Observe(Kind, "UPDATE t SET a=1 WHERE n='" + payload.Value + "'"));

        Assert.True(verdict.Exploitable);
        Assert.Contains("';'", verdict.Explanation, StringComparison.Ordinal);
        Assert.Contains("commented out", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ParameterisedQuery_PayloadNeverReachesTheStatement()
    {
        var verdict = Judge(Kind, Payload(Kind, 0), Observe(Kind, "SELECT * FROM users WHERE name=@name", "osprey' OR '1'='1"));

        Assert.False(verdict.Exploitable);
        Assert.False(verdict.Reached);
    }

    [Fact]
    public void Judge_QuotesDoubled_PayloadStaysInsideTheLiteral()
    {
        var payload = Payload(Kind, 0);
        var escaped = payload.Value.Replace("'", "''", StringComparison.Ordinal);

        var verdict = Judge(Kind, payload, Observe(Kind, "SELECT * FROM users WHERE name='" + escaped + "'"));

        Assert.False(verdict.Exploitable);
    }

    [Fact]
    public void Judge_PayloadWithoutQuotesInsideALiteral_IsNeutralised()
    {
        var payload = Payload(Kind, 1);

        var verdict = Judge(Kind, payload, Observe(Kind, "SELECT * FROM t WHERE name = '" + payload.Value + "'"));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void Judge_PayloadInsideAComment_IsNeutralised()
    {
        var payload = Payload(Kind, 1);

        var verdict = Judge(Kind, payload, Observe(Kind, "SELECT 1 /* " + payload.Value + " */"));

        Assert.False(verdict.Exploitable);
    }
}
