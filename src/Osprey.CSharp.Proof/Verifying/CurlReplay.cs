using System.Globalization;
using System.Text;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Harness.Web;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// A <c>curl</c> replay of a web proof: the exact request (method, path, query, headers, cookies,
/// body, uploaded files) that confirmed it, aimed at the user's own running instance, preceded by
/// the setup requests it needed and a note on the sign-in the endpoint requires.
/// </summary>
internal static class CurlReplay
{
    public const string BaseUrl = "http://localhost:5000";

    public static ReplayArtifact For(Finding finding, WebRun run)
    {
        var request = run.Request!;
        var script = new StringBuilder();
        script.AppendLine(CultureInfo.InvariantCulture, $"# Replays Osprey's proof of {finding.RuleId} at {finding.Location} through {request.Route}.");
        script.AppendLine(CultureInfo.InvariantCulture, $"# Point {BaseUrl} at your own running instance of the app.");
        if (run.Auth is { } auth && auth != "anonymous")
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"# The endpoint requires {auth}: sign in as one and add its session cookie, e.g. -b '.AspNetCore.Cookies=<value>'.");
        }

        var files = 0;
        foreach (var setup in run.Setup)
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"# First create the state the request needs ({setup.Route}):");
            script.AppendLine(Command(setup, script, ref files));
        }

        script.Append(Command(request, script, ref files));
        return new ReplayArtifact { Kind = "curl", Content = script.ToString(), FileName = "replay.sh" };
    }

    private static string Command(SentRequest request, StringBuilder script, ref int files)
    {
        var url = BaseUrl + request.Path + (request.Query.IsEmpty ? "" : "?" + string.Join('&', request.Query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
        var parts = new List<string> { "curl -i" };
        var hasBody = !request.Form.IsEmpty || !request.Files.IsEmpty || request.Json is not null;
        if (request.Method != "GET" && !(request.Method == "POST" && hasBody))
        {
            parts.Add("-X " + request.Method);
        }

        parts.Add(Quote(url));
        parts.AddRange(request.Headers.Select(h => "-H " + Quote(h.Key + ": " + h.Value)));
        if (!request.Cookies.IsEmpty)
        {
            parts.Add("-b " + Quote(string.Join("; ", request.Cookies.Select(c => c.Key + "=" + Uri.EscapeDataString(c.Value)))));
        }

        if (!request.Files.IsEmpty)
        {
            parts.AddRange(request.Form.Select(f => "--form-string " + Quote(f.Key + "=" + f.Value)));
            foreach (var (field, fileName, content) in request.Files)
            {
                var local = string.Create(CultureInfo.InvariantCulture, $"osprey-upload-{++files}.bin");
                script.AppendLine(CultureInfo.InvariantCulture, $"printf '%s' {Quote(Convert.ToBase64String(content))} | base64 -d > {local}");
                parts.Add("-F " + Quote($"{field}=@{local};filename=\"{fileName}\""));
            }
        }
        else if (!request.Form.IsEmpty)
        {
            parts.AddRange(request.Form.Select(f => "--data-urlencode " + Quote(f.Key + "=" + f.Value)));
        }
        else if (request.Json is { } json)
        {
            parts.Add("-H 'Content-Type: application/json'");
            parts.Add("--data-raw " + Quote(json));
        }

        return string.Join(' ', parts);
    }

    // Single quotes, or $'…' with escapes when the text holds a line break or tab, so the script shows them.
    private static string Quote(string text) => text.AsSpan().IndexOfAny("\r\n\t") < 0
        ? "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
        : "$'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "'";
}
