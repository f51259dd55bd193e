using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// Format string: exploitable when the attacker's text is the composite format itself — its
/// <c>{n}</c> items reach <c>string.Format</c> undoubled, so they read arguments the program did not
/// mean to show or throw <c>FormatException</c>.
/// </summary>
internal sealed class FormatStringOracle : ISinkOracle
{
    public ImmutableArray<string> SinkKinds { get; } = ["format-string"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("osprey {0} {1} {2} {9}", "injects format items that read other arguments or fail"),
        new("osprey {0,-100000000}", "injects a format item with a huge alignment"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var format = observation.Primary;
        if (format.Contains(payload.Value, StringComparison.Ordinal))
        {
            return OracleVerdict.Exploit($"the attacker's text is the format string, so its format items are interpreted: '{format}'.");
        }

        var escaped = payload.Value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        return format.Contains(escaped, StringComparison.Ordinal) || observation.Values.Skip(1).Any(v => v?.Contains(payload.Value, StringComparison.Ordinal) == true)
            ? OracleVerdict.Neutralised("the payload is passed as a format argument or with its braces escaped")
            : OracleVerdict.NotReached("the payload does not reach the format call");
    }
}
