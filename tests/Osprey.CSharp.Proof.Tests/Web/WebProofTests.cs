using Osprey.Core.Findings;

namespace Osprey.CSharp.Proof.Tests.Web;

/// <summary>
/// Findings of a small ASP.NET Core app proven through the app's own pipeline: model binding from a
/// crafted request (query, header, form, route, cookie, JSON body, minimal-API parameter), services
/// from the app's DI container, a role-protected action, and a curl replay of the request.
/// </summary>
public sealed class WebProofTests(WebProofFixture proofs) : IClassFixture<WebProofFixture>
{
    private static void AssertConfirmed(Verification verification) =>
        Assert.True(verification.Status == VerificationStatus.Confirmed, $"expected Confirmed, was {verification.Status}: {verification.Reason}");

    private static string Curl(Verification verification)
    {
        AssertConfirmed(verification);
        Assert.Equal("curl", verification.Proof!.Replay!.Kind);
        return verification.Proof.Replay.Content;
    }

    [Fact]
    public void VerifyAll_QueryParameterIntoInjectedServiceOfARoleProtectedAction_IsConfirmedWithCurlAndTheRoleItNeeds()
    {
        var curl = Curl(proofs["query"]);

        Assert.Equal("POST /api/ops/ping", proofs["query"].Proof!.EntryPoint);
        Assert.Contains("curl -i -X POST 'http://localhost:5000/api/ops/ping?host=osprey%3B%20id'", curl, StringComparison.Ordinal);
        Assert.Contains("requires a signed-in user in role Admin", curl, StringComparison.Ordinal);
        Assert.Contains("ping -c 1 osprey; id", proofs["query"].Proof!.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_HeaderParameter_IsConfirmedWithTheHeaderInTheCurl()
    {
        var curl = Curl(proofs["header"]);

        Assert.Contains("-H 'X-Target: osprey; id'", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_FormParameter_IsConfirmedWithTheFormFieldInTheCurl()
    {
        var curl = Curl(proofs["form"]);

        Assert.Contains("'http://localhost:5000/api/ops/files' --data-urlencode 'name=../../../../../../../../../../etc/passwd'", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_RouteParameter_IsConfirmedWithThePayloadInThePath()
    {
        var curl = Curl(proofs["route"]);

        Assert.Equal("GET /api/ops/items/{id}", proofs["route"].Proof!.EntryPoint);
        Assert.Contains("'http://localhost:5000/api/ops/items/", curl, StringComparison.Ordinal);
        Assert.Contains("onerror%3Dosprey%281%29%3E'", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_CookieReadByTheAction_IsConfirmedWithTheCookieInTheCurl()
    {
        var curl = Curl(proofs["cookie"]);

        Assert.Contains("-b 'note=%3Cscript%3Eosprey%281%29%3C%2Fscript%3E'", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_JsonBodyProperty_IsConfirmedWithTheBodyInTheCurl()
    {
        var curl = Curl(proofs["body"]);

        Assert.Contains("-H 'Content-Type: application/json' --data-raw '{\"Note\":\"\\u003Cscript\\u003Eosprey(1)\\u003C/script\\u003E\",\"Quantity\":1}'", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_MinimalApiLambdaInAGroup_IsConfirmedThroughItsComposedRoute()
    {
        var curl = Curl(proofs["lambda"]);

        Assert.Equal("POST /api/reports/run", proofs["lambda"].Proof!.EntryPoint);
        Assert.Contains("curl -i -X POST 'http://localhost:5000/api/reports/run?name=--osprey-injected-option%3D1'", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_HtmlEncodedQueryParameter_IsRefuted()
    {
        var verification = proofs["safe"];

        Assert.True(verification.Status == VerificationStatus.Refuted, $"expected Refuted, was {verification.Status}: {verification.Reason}{verification.Proof?.Observed}");
    }

    [Fact]
    public void VerifyAll_CookieSetWithoutSecure_IsConfirmedByTheSetCookieHeaderOfTheResponse()
    {
        var verification = proofs["insecure cookie"];

        AssertConfirmed(verification);
        Assert.StartsWith("Set-Cookie: theme=dark", verification.Proof!.Observed, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", verification.Proof.Observed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("curl -i -X POST 'http://localhost:5000/api/ops/prefs'", verification.Proof.Replay!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_InsecureCookieWhoseValueIsAlsoAHeaderInjectionSink_IsConfirmedByTheRealSetCookieHeader()
    {
        var verification = proofs["look cookie"];

        AssertConfirmed(verification);
        Assert.StartsWith("Set-Cookie: look=osprey", verification.Proof!.Observed, StringComparison.Ordinal);
        Assert.Contains("curl -i 'http://localhost:5000/api/ops/look?look=osprey'", verification.Proof.Replay!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_HeaderInjectionIntoACookieTheSameActionSetsInsecurely_IsStillConfirmedAtItsSink()
    {
        var curl = Curl(proofs["look header"]);

        Assert.Equal("GET /api/ops/look", proofs["look header"].Proof!.EntryPoint);
        Assert.Contains("Set-Cookie: osprey=forged", proofs["look header"].Proof!.Observed, StringComparison.Ordinal);
        Assert.Contains("/api/ops/look?look=osprey", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_CookieSetWithSecureAndHttpOnly_IsRefuted()
    {
        var verification = proofs["secure cookie"];

        Assert.True(verification.Status == VerificationStatus.Refuted, $"expected Refuted, was {verification.Status}: {verification.Reason}");
        Assert.Contains("HttpOnly", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAll_ExceptionReturnedToTheClient_IsConfirmedByTheStackTraceInTheResponse()
    {
        var verification = proofs["error details"];

        AssertConfirmed(verification);
        Assert.Contains("System.FormatException", verification.Proof!.Observed, StringComparison.Ordinal);
        Assert.Contains("   at ", verification.Proof.Observed, StringComparison.Ordinal);
        Assert.Contains("--data-urlencode 'count=osprey'", verification.Proof.Replay!.Content, StringComparison.Ordinal);
    }
}
