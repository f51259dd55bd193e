using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Osprey.Native.Fuzzing;

/// <summary>
/// Seed inputs for a network server's harness, taken from the protocol messages its test scripts
/// write out literally: HTTP requests in here-documents (<c>http(&lt;&lt;EOF)</c>), request helpers
/// called with a literal path (<c>http_get('/x')</c>, <c>http_head</c>, <c>http_post</c>), and the
/// literal lines a test sends over one connection (<c>$s-&gt;send('EHLO example.com')</c>, one input
/// per connection the script opens). Test suites of such servers (nginx's Perl tests, for one)
/// hold no input files, yet these messages are exactly what the harness reads from its socket.
/// Variables inside a message are left as written.
/// </summary>
internal static partial class TestScriptSeeds
{
    private static readonly string[] ScriptExtensions = [".t", ".pl", ".pm", ".py", ".rb"];

    [GeneratedRegex(@"<<\s*(?<q>['""]?)(?<tag>[A-Za-z_]\w*)\k<q>[^\n]*\n(?<body>.*?)\n\k<tag>[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex HereDocument();

    [GeneratedRegex(@"^[A-Z]+ \S+ HTTP/\d\.\d$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\bhttp_(?<method>get|head|post)\(\s*(?<q>['""])(?<path>/[^'""\s]*)\k<q>")]
    private static partial Regex RequestHelper();

    [GeneratedRegex(@"->send\(\s*(?:'(?<single>[^'\\]*)'|""(?<double>[^""\\$]*)"")\s*\)|(?<open>->new\b)")]
    private static partial Regex SentLine();

    /// <summary>
    /// Writes the distinct messages found in the test scripts under <paramref name="root"/> into
    /// <paramref name="output"/> (one file per input, named by its hash) and returns their paths,
    /// at most <paramref name="limit"/>. Folders starting with a dot are not read.
    /// </summary>
    public static IReadOnlyList<string> Write(string root, string output, int limit = 512)
    {
        // Written-out requests and sessions first: there are few of them and each says more than
        // one more path for GET, of which a large suite has hundreds.
        var texts = Scripts(root).Select(File.ReadAllText).ToList();
        var messages = texts.SelectMany(t => HereDocumentRequests(t).Concat(Sessions(t))).Concat(texts.SelectMany(HelperRequests)).Distinct(StringComparer.Ordinal);

        Directory.CreateDirectory(output);
        var paths = new List<string>();
        foreach (var message in messages.Take(limit))
        {
            var bytes = Encoding.UTF8.GetBytes(message);
            var path = Path.Combine(output, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            File.WriteAllBytes(path, bytes);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The protocol messages one test script writes out: its here-document requests, then its helper requests, then its sessions.</summary>
    public static IEnumerable<string> Extract(string script) =>
        HereDocumentRequests(script).Concat(HelperRequests(script)).Concat(Sessions(script));

    private static IEnumerable<string> HereDocumentRequests(string script)
    {
        var text = script.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (Match document in HereDocument().Matches(text))
        {
            var lines = document.Groups["body"].Value.Split('\n');
            if (RequestLine().IsMatch(lines[0]))
            {
                yield return string.Join("\r\n", lines).TrimEnd('\r', '\n') + "\r\n\r\n";
            }
        }
    }

    private static IEnumerable<string> HelperRequests(string script)
    {
        foreach (Match call in RequestHelper().Matches(script))
        {
            var method = call.Groups["method"].Value.ToUpperInvariant();
            yield return $"{method} {call.Groups["path"].Value} HTTP/1.0\r\nHost: localhost\r\n" + (method == "POST" ? "Content-Length: 0\r\n" : "") + "\r\n";
        }
    }

    private static IEnumerable<string> Sessions(string script)
    {
        var session = new StringBuilder();
        foreach (Match sent in SentLine().Matches(script))
        {
            if (sent.Groups["open"].Success)
            {
                if (session.Length > 0)
                {
                    yield return session.ToString();
                }

                session.Clear();
                continue;
            }

            session.Append(sent.Groups["single"].Success ? sent.Groups["single"].Value : sent.Groups["double"].Value).Append("\r\n");
        }

        if (session.Length > 0)
        {
            yield return session.ToString();
        }
    }

    private static IEnumerable<string> Scripts(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => ScriptExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Where(f => !Path.GetRelativePath(root, f).Replace('\\', '/').Split('/')[..^1].Any(d => d.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }
}
