using Osprey.Bench.Scoring;

namespace Osprey.Bench.Tests.Scoring;

public class AcceptedCwesTests
{
    [Theory]
    [InlineData(23, 22)]
    [InlineData(36, 22)]
    [InlineData(80, 79)]
    [InlineData(81, 79)]
    [InlineData(83, 79)]
    [InlineData(78, 88)]
    [InlineData(129, 787)]
    [InlineData(321, 798)]
    [InlineData(327, 328)]
    [InlineData(614, 311)]
    public void For_JulietCwe_AcceptsParentOrSibling(int juliet, int reported) =>
        Assert.Contains(reported, AcceptedCwes.For(juliet));

    [Theory]
    [InlineData(89)]
    [InlineData(643)]
    [InlineData(4242)]
    public void For_AnyCwe_AcceptsItself(int cwe) => Assert.Contains(cwe, AcceptedCwes.For(cwe));

    [Fact]
    public void For_Injection_DoesNotAcceptUnrelatedInjection() => Assert.DoesNotContain(78, AcceptedCwes.For(89));

    [Fact]
    public void For_CookieWithoutSecure_DoesNotAcceptMissingHttpOnly() => Assert.DoesNotContain(1004, AcceptedCwes.For(614));
}
