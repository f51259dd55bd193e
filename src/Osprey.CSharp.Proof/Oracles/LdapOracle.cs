using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// LDAP injection: exploitable when the payload's filter syntax — parentheses, a wildcard, or
/// <c>| &amp; !</c> operators — reaches the filter unescaped (RFC 4515 escapes them as <c>\28 \29 \2a</c>).
/// </summary>
internal sealed class LdapOracle : ISinkOracle
{
    public ImmutableArray<string> SinkKinds { get; } = ["ldap-injection"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("*)(objectClass=*", "closes the filter component and adds one that matches every entry"),
        new("osprey)(|(uid=*", "adds an OR component that matches every entry"),
        new("*", "replaces the value with a wildcard"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var filter = observation.Primary;
        if (filter.Contains(payload.Value, StringComparison.Ordinal) && payload.Value.IndexOfAny(['(', ')', '*', '|', '&', '!']) >= 0)
        {
            return OracleVerdict.Exploit($"the payload's filter syntax reaches the LDAP filter unescaped, changing its structure: {filter}");
        }

        return filter.Contains("\\2a", StringComparison.OrdinalIgnoreCase) || filter.Contains("\\28", StringComparison.Ordinal)
            ? OracleVerdict.Neutralised("the payload reaches the filter with its special characters escaped")
            : OracleVerdict.NotReached("the payload does not appear in the filter");
    }
}
