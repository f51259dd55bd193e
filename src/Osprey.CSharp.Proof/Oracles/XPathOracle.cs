using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// XPath injection: exploitable when the payload is not confined to one string literal of the
/// expression (XPath 1.0 literals are <c>'…'</c> or <c>"…"</c> with no escapes), so it added a predicate.
/// Programs that split their input (Juliet's <c>username||password</c>) get a payload of two
/// <c>|</c>-separated parts; either part arriving whole counts.
/// </summary>
internal sealed class XPathOracle : ISinkOracle
{
    public ImmutableArray<string> SinkKinds { get; } = ["xpath-injection"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("osprey' or '1'='1", "closes a single-quoted literal and adds an always-true predicate"),
        new("osprey\" or \"1\"=\"1", "closes a double-quoted literal and adds an always-true predicate"),
        new("1 or 1=1", "adds an always-true predicate to a numeric comparison"),
        new("osprey' or '1'='1||osprey' or '1'='1", "a user name and a password, each closing a single-quoted literal and adding an always-true predicate"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var expression = observation.Primary;
        var part = new[] { payload.Value }.Concat(payload.Value.Split('|', StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(p => expression.Contains(p, StringComparison.Ordinal));
        if (part is null)
        {
            return OracleVerdict.NotReached("the payload does not appear in the expression");
        }

        var at = expression.IndexOf(part, StringComparison.Ordinal);
        var end = at + part.Length;
        foreach (var (start, stop) in Literals(expression))
        {
            if (start <= at && end <= stop)
            {
                return OracleVerdict.Neutralised("the payload stays inside one string literal of the expression");
            }
        }

        return OracleVerdict.Exploit($"the payload added an 'or' predicate to the XPath expression: {expression}");
    }

    private static IEnumerable<(int Start, int End)> Literals(string expression)
    {
        for (var i = 0; i < expression.Length; i++)
        {
            if (expression[i] is '\'' or '"')
            {
                var close = expression.IndexOf(expression[i], i + 1);
                var end = close < 0 ? expression.Length : close + 1;
                yield return (i, end);
                i = end - 1;
            }
        }
    }
}
