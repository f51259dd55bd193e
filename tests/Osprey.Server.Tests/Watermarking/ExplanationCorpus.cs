using System.Text;

namespace Osprey.Server.Tests.Watermarking;

/// <summary>
/// Explanations and reports shaped like Osprey's, from sentence templates filled with names that
/// vary per finding. Written with each synonym group's first variant, i.e. unfingerprinted.
/// </summary>
internal sealed class ExplanationCorpus(int seed)
{
    private static readonly string[] Templates =
    [
        "The {p} parameter of {C}.{M} is untrusted because it comes straight from the {q} query string.",
        "It reaches {S} without validation, which means that an attacker can modify the {t} table.",
        "The trace shows each step from the {q} request to {S}.",
        "We confirmed the issue in the sandbox and observed {n} rows returned for the {p} payload.",
        "To fix this, replace the concatenation in {M} with a parameterized query and ensure {p} is sanitized.",
        "{C} executes the entire {t} query directly, causing unsafe behavior in {M}.",
        "Similarly, {C2}.{M2} uses the same pattern and is vulnerable through {p2}.",
        "This allows an attacker to read the whole {t} table through {M}.",
        "It is important to sanitize {p} in order to keep malicious input away from {S}.",
        "The {p} value is passed to {S} immediately after {M} receives it.",
        "Later, the application builds a new {t} query that contains the {p} value.",
        "Each call to {M2} is affected because {C2} relies on {M} for the {t} lookup.",
        "The proof demonstrates that {S} must not see raw {p} data.",
        "A hostile {q} header prevents {C} from logging, leading to missing audit records.",
        "For example, setting {p} to a quote character breaks the {t} statement in {M}.",
        "The program later obtains the {t} rows and sends them back to the caller of {M2}.",
    ];

    private static readonly string[] Names = ["Order", "Invoice", "Customer", "Basket", "Report", "Account", "Session", "Ledger", "Payment", "Shipment", "Catalog", "Review", "Profile", "Coupon", "Refund", "Audit", "Tenant", "Upload", "Export", "Token"];

    private static readonly string[] Verbs = ["Find", "Search", "Load", "Save", "Render", "Filter", "Lookup", "Import", "Delete", "Update", "Sync", "Resolve"];

    private static readonly string[] Sinks = ["SqlCommand.ExecuteReader", "Process.Start", "File.ReadAllText", "XmlDocument.LoadXml", "HttpClient.GetAsync", "Response.Write", "DirectorySearcher.FindOne"];

    private readonly Random _random = new(seed);

    /// <summary>One explanation: <paramref name="sentences"/> sentences about one finding.</summary>
    public string Explanation(int sentences)
    {
        string Pick(string[] from) => from[_random.Next(from.Length)];
        var values = new Dictionary<string, string>
        {
            ["{C}"] = Pick(Names) + "Controller",
            ["{C2}"] = Pick(Names) + "Service",
            ["{M}"] = Pick(Verbs) + Pick(Names),
            ["{M2}"] = Pick(Verbs) + Pick(Names) + "Async",
            ["{p}"] = Pick(Names).ToLowerInvariant() + "Id",
            ["{p2}"] = Pick(Names).ToLowerInvariant() + "Name",
            ["{q}"] = Pick(Names).ToLowerInvariant(),
            ["{t}"] = Pick(Names) + "s",
            ["{S}"] = Pick(Sinks),
            ["{n}"] = _random.Next(2, 500).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var sb = new StringBuilder();
        foreach (var template in Templates.OrderBy(_ => _random.Next()).Take(sentences))
        {
            var s = template;
            foreach (var (k, v) in values) s = s.Replace(k, v, StringComparison.Ordinal);
            sb.Append(s).Append(' ');
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>A report: several explanations as paragraphs.</summary>
    public string Report(int explanations, int sentences) =>
        string.Join("\n\n", Enumerable.Range(0, explanations).Select(_ => Explanation(sentences)));

    /// <summary>
    /// Light editing: each word deleted with probability <paramref name="delete"/> or replaced by an
    /// unrelated word with probability <paramref name="substitute"/>; whitespace collapsed; invisible
    /// characters stripped when <paramref name="stripInvisible"/>.
    /// </summary>
    public string Edit(string text, double delete, double substitute, bool stripInvisible = true)
    {
        if (stripInvisible) text = text.Replace("\u200B", "", StringComparison.Ordinal).Replace("\u200C", "", StringComparison.Ordinal).Replace("\u2060", "", StringComparison.Ordinal);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        foreach (var w in words)
        {
            var r = _random.NextDouble();
            if (r < delete) continue;
            kept.Add(r < delete + substitute ? Names[_random.Next(Names.Length)].ToLowerInvariant() : w);
        }

        return string.Join(' ', kept);
    }
}
