using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Harness;
using Osprey.CSharp.Proof.Harness.Web;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// Judges a probe of the HTTP response: a <c>Set-Cookie</c> header without the attribute the rule
/// asks for, or a response body carrying an exception's stack trace, confirms the finding; a response
/// without the flaw refutes it.
/// </summary>
internal static class ResponseJudgement
{
    private const int MaxObserved = 600;

    public static Verification Judge(Finding finding, ImmutableArray<PayloadRun> runs, string verifier, TimeSpan elapsed)
    {
        var run = runs.FirstOrDefault(r => r.Web is { Mode: "http", Request: not null });
        if (run?.Web is not { Request: { } request } web)
        {
            var problem = runs.Select(r => r.Web?.Problem ?? r.Error).FirstOrDefault(p => p is not null);
            return Verification.Unverified("the action could not be driven over HTTP" + (problem is null ? "" : ": " + problem), verifier, elapsed);
        }

        var (observed, explanation, refutation) = finding.RuleId switch
        {
            "cs/error-details-exposure" => StackTrace(request),
            "cs/cookie-without-secure" => Cookie(request, "secure", "Secure", "browsers send it over plain HTTP too, where anyone on the path can read it"),
            _ => Cookie(request, "httponly", "HttpOnly", "the page's scripts, and so any injected script, can read it"),
        };
        if (observed is null)
        {
            return Verification.Refuted(refutation, verifier, elapsed);
        }

        var proof = new Osprey.Core.Findings.Proof
        {
            EntryPoint = request.Route,
            Payload = "(none: a request with harmless values)",
            Observed = observed.Length > MaxObserved ? observed[..MaxObserved] + "…" : observed,
            Explanation = explanation,
            Replay = CurlReplay.For(finding, web),
        };
        return Verification.Confirmed(proof, verifier, elapsed);
    }

    private static (string? Observed, string Explanation, string Refutation) StackTrace(SentRequest request)
    {
        var body = request.ResponseBody ?? "";
        var shown = body.Contains("Exception", StringComparison.Ordinal) && body.Contains("   at ", StringComparison.Ordinal);
        return (shown ? body : null,
            $"The response (HTTP {request.Status}) carries an exception with its stack trace: the client learns types, methods, files and library versions.",
            $"the response (HTTP {request.Status}) carries no exception stack trace");
    }

    private static (string? Observed, string Explanation, string Refutation) Cookie(SentRequest request, string attribute, string name, string consequence)
    {
        var cookies = request.ResponseHeaders.Where(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        var flawed = cookies.FirstOrDefault(c => !c.Split(';').Skip(1).Any(a => a.Trim().StartsWith(attribute, StringComparison.OrdinalIgnoreCase)));
        return (flawed is null ? null : "Set-Cookie: " + flawed,
            $"The response sets a cookie without the {name} attribute: {consequence}.",
            cookies.Count == 0 ? "the response sets no cookie" : $"every cookie the response sets has the {name} attribute");
    }
}
