using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Harness;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// Turns the harness's observations into a verification: the first payload whose observation the
/// oracle finds exploitable confirms the finding; if the sink was reached and no payload was
/// exploitable it is refuted; if the sink was never reached it stays unverified.
/// </summary>
internal static class ProofJudgement
{
    public static Verification Judge(Finding finding, HarnessPlan plan, ISinkOracle oracle, ImmutableArray<PayloadRun> runs, string verifier, TimeSpan elapsed)
    {
        var neutralised = new List<string>();
        var reachedWithoutPayload = 0;
        foreach (var run in runs.OrderBy(r => r.PayloadIndex))
        {
            var payload = plan.Payloads[run.PayloadIndex];
            foreach (var observation in run.Observations)
            {
                var verdict = oracle.Judge(payload, observation);
                if (verdict.Exploitable)
                {
                    var http = run.Web is { Mode: "http", Request: { } request } ? request : null;
                    var proof = new Osprey.Core.Findings.Proof
                    {
                        EntryPoint = http?.Route ?? finding.EntryPoint?.Name ?? plan.EntryPoint,
                        Payload = payload.Value,
                        Observed = observation.Describe(),
                        Explanation = $"The payload {payload.Intent}: {verdict.Explanation}",
                        Replay = http is not null ? CurlReplay.For(finding, run.Web!) : ReplayArtifacts.For(finding, plan, payload, observation),
                    };
                    return Verification.Confirmed(proof, verifier, elapsed);
                }

                if (verdict.Reached)
                {
                    neutralised.Add(verdict.Explanation);
                }
                else
                {
                    reachedWithoutPayload++;
                }
            }
        }

        var observed = runs.Sum(r => r.Observations.Length);
        if (observed == 0)
        {
            var error = runs.Select(r => r.Error).FirstOrDefault(e => e is not null);
            var web = runs.Select(r => r.Web).FirstOrDefault(w => w is not null);
            var how = web switch
            {
                { Mode: "http", Request: { } sent } => $" through {sent.Route} (HTTP {sent.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
                { Problem: { } problem } => $" (called directly: {problem})",
                _ => "",
            };
            return Verification.Unverified("the harness never reached the sink" + how + (error is null ? "" : $" (the entry point threw {error})"), verifier, elapsed);
        }

        var reason = neutralised.Count > 0
            ? $"all {plan.Payloads.Length} payloads reached the sink neutralised: {neutralised[0]}"
            : $"the sink ran {reachedWithoutPayload} times but none of the {plan.Payloads.Length} payloads reached it: the value there does not come from the source";
        return Verification.Refuted(reason, verifier, elapsed);
    }
}
