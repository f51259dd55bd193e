using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>The attacker's host every URL payload points at; it never resolves (reserved <c>.example</c> domain).</summary>
internal static class AttackerHost
{
    public const string Name = "osprey-attacker.example";

    /// <summary>Parses <paramref name="url"/> as an absolute or scheme-relative URL.</summary>
    public static Uri? ParseAbsolute(string url)
    {
        var text = url.Trim().Replace('\\', '/');
        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            text = "https:" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) ? uri : null;
    }
}

/// <summary>Open redirect: exploitable when the redirect target becomes an absolute URL on the attacker's host.</summary>
internal sealed class RedirectOracle : ISinkOracle
{
    public ImmutableArray<string> SinkKinds { get; } = ["open-redirect"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new($"https://{AttackerHost.Name}/login", "redirects to an absolute URL on the attacker's host"),
        new($"//{AttackerHost.Name}/login", "redirects to a scheme-relative URL on the attacker's host"),
        new($"/\\{AttackerHost.Name}/login", "redirects with a backslash browsers read as '//'"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var target = observation.Primary;
        var uri = AttackerHost.ParseAbsolute(target.StartsWith("/\\", StringComparison.Ordinal) ? "/" + target[1..] : target);
        if (uri is not null && string.Equals(uri.Host, AttackerHost.Name, StringComparison.OrdinalIgnoreCase))
        {
            return OracleVerdict.Exploit($"the redirect target '{target}' sends the user to the attacker's host.");
        }

        return target.Contains(AttackerHost.Name, StringComparison.OrdinalIgnoreCase)
            ? OracleVerdict.Neutralised($"the redirect target '{target}' stays on the application's own host")
            : OracleVerdict.NotReached("the payload does not appear in the redirect target");
    }
}

/// <summary>
/// Server-side request forgery: exploitable when the outbound request's host is the attacker's
/// (or the cloud metadata address) or its scheme is one the attacker chose (<c>file</c>, <c>gopher</c>).
/// </summary>
internal sealed class SsrfOracle : ISinkOracle
{
    public ImmutableArray<string> SinkKinds { get; } = ["ssrf"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new($"http://{AttackerHost.Name}/osprey", "points the request at the attacker's host"),
        new($"@{AttackerHost.Name}/osprey", "turns the intended host into user-info so the attacker's host is used"),
        new("http://169.254.169.254/latest/meta-data/", "points the request at the cloud metadata service"),
        new("file:///etc/passwd", "switches the scheme to read a local file"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var url = observation.Primary;
        var uri = AttackerHost.ParseAbsolute(url) ?? (Uri.TryCreate(url, UriKind.Absolute, out var u) ? u : null);
        if (uri is not null)
        {
            if (string.Equals(uri.Host, AttackerHost.Name, StringComparison.OrdinalIgnoreCase) || uri.Host == "169.254.169.254")
            {
                return OracleVerdict.Exploit($"the outbound request goes to the attacker-chosen host {uri.Host}: {url}");
            }

            if (uri.Scheme is "file" or "gopher" or "ftp" && payload.Value.StartsWith(uri.Scheme, StringComparison.Ordinal))
            {
                return OracleVerdict.Exploit($"the attacker chose the request's scheme '{uri.Scheme}': {url}");
            }
        }

        return url.Contains(AttackerHost.Name, StringComparison.OrdinalIgnoreCase) || url.Contains("169.254", StringComparison.Ordinal)
            ? OracleVerdict.Neutralised($"the payload reaches the URL but the host stays '{uri?.Host}'")
            : OracleVerdict.NotReached("the payload does not appear in the request URL");
    }
}
