using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// Log and header injection: exploitable when the payload's CR or LF reaches the log record or the
/// header value intact, so the attacker starts a forged record or header of their own.
/// </summary>
internal sealed class CrlfOracle : ISinkOracle
{
    private readonly string _forged;

    private CrlfOracle(string kind, string forged, string intent)
    {
        SinkKinds = [kind];
        _forged = forged;
        Payloads = [new("osprey\r\n" + forged, intent), new("osprey\n" + forged, intent + " (LF only)")];
    }

    public ImmutableArray<string> SinkKinds { get; }

    public ImmutableArray<Payload> Payloads { get; }

    public static CrlfOracle Log() => new("log-injection", "INFO osprey forged log entry", "starts a forged log entry on a new line");

    public static CrlfOracle Header() => new("header-injection", "Set-Cookie: osprey=forged", "starts a forged response header");

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var text = string.Concat(observation.Values.IsDefaultOrEmpty ? [] : observation.Values.Select(v => v ?? ""));
        var at = text.IndexOf(_forged, StringComparison.Ordinal);
        if (at < 0)
        {
            return OracleVerdict.NotReached("the payload does not appear in the record");
        }

        return at > 0 && text[at - 1] == '\n'
            ? OracleVerdict.Exploit($"the payload's line break reaches the {(SinkKinds[0] == "log-injection" ? "log record" : "header")} intact, starting a forged line: '{_forged}'.")
            : OracleVerdict.Neutralised("the payload arrives with its line break removed or encoded");
    }
}
