namespace Osprey.CSharp.Tests.Misuse;

public sealed class CookieFlagsTests
{
    [Fact]
    public async Task CookieOptionsWithFlagsOff_ReportsBothRules()
    {
        const string Source = """
            using Microsoft.AspNetCore.Http;
            public class Cart
            {
                public void Save(HttpResponse response, string value) =>
                    response.Cookies.Append("cart", value, new CookieOptions { HttpOnly = false, Secure = false }); // here
            }
            """;

        var findings = await MisuseHarness.AnalyzeAsync(Source);

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), Assert.Single(findings, f => f.RuleId == "cs/cookie-without-secure").Location.StartLine);
        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), Assert.Single(findings, f => f.RuleId == "cs/cookie-without-httponly").Location.StartLine);
    }

    [Fact]
    public async Task SystemWebCookieNeverMadeSecure_Reported()
    {
        const string Source = """
            namespace System.Web { public class HttpCookie(string name, string value) { public bool Secure { get; set; } public bool HttpOnly { get; set; } } }
            public class Legacy
            {
                public System.Web.HttpCookie Make()
                {
                    var cookie = new System.Web.HttpCookie("SecretMessage", "test"); // here
                    cookie.HttpOnly = true;
                    return cookie;
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/cookie-without-secure");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
        Assert.DoesNotContain(await MisuseHarness.AnalyzeAsync(Source), f => f.RuleId == "cs/cookie-without-httponly");
    }

    [Fact]
    public async Task SecureHttpOnlyCookies_NotReported()
    {
        const string Source = """
            using Microsoft.AspNetCore.Http;
            public class Cart
            {
                public void Save(HttpResponse response, string value)
                {
                    response.Cookies.Append("cart", value, new CookieOptions { HttpOnly = true, Secure = true });
                    var options = new CookieOptions();
                    options.Secure = true;
                    options.HttpOnly = true;
                    response.Cookies.Append("other", value, options);
                }
            }
            """;

        var findings = await MisuseHarness.AnalyzeAsync(Source);

        Assert.DoesNotContain(findings, f => f.RuleId is "cs/cookie-without-secure" or "cs/cookie-without-httponly");
    }
}
