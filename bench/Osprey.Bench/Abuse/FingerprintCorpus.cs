using System.Text;

namespace Osprey.Bench.Abuse;

/// <summary>
/// Explanations shaped like Osprey's (seeded): sentences about one finding, filled with a finding's
/// own names, written with the phrasings the fingerprint can vary.
/// </summary>
internal sealed class FingerprintCorpus(int seed)
{
    private static readonly string[] Templates =
    [
        "The {p} parameter of {M} reaches {S} because {C} builds the {t} query by concatenation.",
        "Untrusted input from the {p} field flows into {S} without being sanitized, which means that an attacker controls the statement.",
        "We confirmed the finding in the sandbox: the {p} payload was observed in the {t} rows returned by {M}.",
        "To fix it, replace the concatenation in {M} with a parameterized query and make sure {p} is validated first.",
        "{C} executes the whole {t} statement directly, leading to unsafe behavior whenever {M} is called.",
        "Similarly, {C2}.{M2} relies on the same pattern and is exploitable through {p2}.",
        "This permits a malicious user to read the entire {t} table through {M}.",
        "It is essential to sanitize {p} in order to keep hostile input away from {S}.",
        "The {p} value is handed to {S} at once after {M} receives it.",
        "Afterwards the application assembles a second {t} query that includes the {p} value.",
        "Every call to {M2} is impacted since {C2} uses {M} for the {t} lookup.",
        "The proof demonstrates that {S} needs to reject raw {p} data.",
        "A crafted {p2} value stops {C} from writing its log, resulting in missing audit records.",
        "For instance, setting {p} to a quote character breaks the {t} statement in {M}.",
        "The program then gets the {t} rows and sends them back to the caller of {M2}.",
        "The trace shows the path from the request to {S} in three steps through {C}.",
    ];

    private static readonly string[] Names = ["Order", "Invoice", "Customer", "Basket", "Ledger", "Account", "Session", "Payment", "Shipment", "Catalog", "Coupon", "Refund", "Tenant", "Upload", "Token", "Review"];

    private static readonly string[] Verbs = ["Find", "Search", "Load", "Save", "Filter", "Lookup", "Import", "Delete", "Update", "Resolve"];

    private static readonly string[] Sinks = ["SqlCommand.ExecuteReader", "Process.Start", "File.ReadAllText", "XmlDocument.LoadXml", "HttpClient.GetAsync", "DirectorySearcher.FindOne"];

    private static readonly string[] Unrelated = ["table", "river", "window", "garden", "signal", "button", "paper", "engine", "market", "letter", "castle", "wire"];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    /// <summary>One explanation of <paramref name="sentences"/> sentences about one finding.</summary>
    public string Explanation(int sentences)
    {
        var (c, c2, t) = (Pick(Names) + "Controller", Pick(Names) + "Service", Pick(Names).ToLowerInvariant());
        var (m, m2) = (Pick(Verbs) + Pick(Names), Pick(Verbs) + Pick(Names));
        var (p, p2, s) = (Pick(Names).ToLowerInvariant() + "Id", Pick(Names).ToLowerInvariant() + "Name", Pick(Sinks));
        var text = new StringBuilder();
        foreach (var template in Templates.OrderBy(_ => _random.Next()).Take(sentences))
        {
            text.Append(template.Replace("{C2}", c2).Replace("{C}", c).Replace("{M2}", m2).Replace("{M}", m).Replace("{p2}", p2).Replace("{p}", p).Replace("{S}", s).Replace("{t}", t)).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A report: <paramref name="explanations"/> explanations, one paragraph each.</summary>
    public string Report(int explanations, int sentences) => string.Join("\n\n", Enumerable.Range(0, explanations).Select(_ => Explanation(sentences)));

    /// <summary>Light editing: each word deleted or replaced by an unrelated one with the given probabilities, whitespace collapsed.</summary>
    public string Edit(string text, double delete, double substitute)
    {
        var words = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var roll = _random.NextDouble();
            if (roll < delete) continue;
            words.Add(roll < delete + substitute ? Pick(Unrelated) : word);
        }

        return string.Join(' ', words);
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
