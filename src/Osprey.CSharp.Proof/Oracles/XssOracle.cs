using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// Cross-site scripting: exploitable when the payload's markup reaches the response unencoded —
/// its <c>&lt;</c> or attribute-breaking quote arrives as itself, not as an entity.
/// </summary>
internal sealed class XssOracle : ISinkOracle
{
    public ImmutableArray<string> SinkKinds { get; } = ["xss"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("<script>osprey(1)</script>", "injects a script element"),
        new("\"><img src=x onerror=osprey(1)>", "breaks out of an attribute and adds an element with an event handler"),
        new("' onmouseover='osprey(1)", "breaks out of a single-quoted attribute and adds an event handler"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var html = string.Concat(observation.Values.IsDefaultOrEmpty ? [] : observation.Values.Select(v => v ?? ""));
        if (html.Contains(payload.Value, StringComparison.Ordinal))
        {
            return OracleVerdict.Exploit("the payload's markup reaches the HTML output unencoded, so the browser runs the attacker's script.");
        }

        return html.Contains("osprey(1)", StringComparison.Ordinal)
            ? OracleVerdict.Neutralised("the payload reaches the output with its markup encoded")
            : OracleVerdict.NotReached("the payload does not appear in the output");
    }
}
