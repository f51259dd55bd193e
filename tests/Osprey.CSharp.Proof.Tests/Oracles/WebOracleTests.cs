using System.Net;
using static Osprey.CSharp.Proof.Tests.Oracles.OracleTestSupport;

namespace Osprey.CSharp.Proof.Tests.Oracles;

public sealed class WebOracleTests
{
    [Fact]
    public void Xss_PayloadWrittenRaw_IsExploitable()
    {
        var payload = Payload("xss");

        Assert.True(Judge("xss", payload, Observe("xss", "<p>Hello " + payload.Value + "</p>")).Exploitable);
    }

    [Fact]
    public void Xss_PayloadHtmlEncoded_IsNeutralised()
    {
        var payload = Payload("xss");

        var verdict = Judge("xss", payload, Observe("xss", "<p>Hello " + WebUtility.HtmlEncode(payload.Value) + "</p>"));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void Redirect_AbsoluteAttackerUrl_IsExploitable()
    {
        var payload = Payload("open-redirect");

        Assert.True(Judge("open-redirect", payload, Observe("open-redirect", payload.Value)).Exploitable);
    }

    [Fact]
    public void Redirect_SchemeRelativeUrl_IsExploitable()
    {
        var payload = Payload("open-redirect", 1);

        Assert.True(Judge("open-redirect", payload, Observe("open-redirect", payload.Value)).Exploitable);
    }

    [Fact]
    public void Redirect_PayloadUnderLocalPrefix_IsNeutralised()
    {
        var payload = Payload("open-redirect");

        var verdict = Judge("open-redirect", payload, Observe("open-redirect", "/account/" + Uri.EscapeDataString(payload.Value)));

        Assert.False(verdict.Exploitable);
    }

    [Fact]
    public void Ssrf_AttackerHost_IsExploitable()
    {
        var payload = Payload("ssrf");

        Assert.True(Judge("ssrf", payload, Observe("ssrf", payload.Value)).Exploitable);
    }

    [Fact]
    public void Ssrf_UserInfoTrickAfterFixedHost_IsExploitable()
    {
        var payload = Payload("ssrf", 1);

        Assert.True(Judge("ssrf", payload, Observe("ssrf", "https://api.shop.test" + payload.Value)).Exploitable);
    }

    [Fact]
    public void Ssrf_PayloadInQueryOfFixedHost_IsNeutralised()
    {
        var payload = Payload("ssrf");

        var verdict = Judge("ssrf", payload, Observe("ssrf", "https://api.shop.test/items?q=" + Uri.EscapeDataString(payload.Value)));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void Header_CrLfIntact_IsExploitable()
    {
        var payload = Payload("header-injection");

        Assert.True(Judge("header-injection", payload, Observe("header-injection", "Location", "/home?x=" + payload.Value)).Exploitable);
    }

    [Fact]
    public void Header_CrLfStripped_IsNeutralised()
    {
        var payload = Payload("header-injection");
        var stripped = payload.Value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

        var verdict = Judge("header-injection", payload, Observe("header-injection", "X-Name", stripped));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }
}
