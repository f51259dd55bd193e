using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles.Sql;

/// <summary>
/// SQL injection: the payload is exploitable when, in the tokenised statement, its text is not
/// confined to one string literal or quoted identifier — it closed a literal, added a clause, a
/// statement separator or a comment. A payload bound as a parameter never appears in the
/// statement; one escaped by doubling quotes stays inside its literal.
/// </summary>
internal sealed class SqlOracle : ISinkOracle
{
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "OR", "AND", "UNION", "SELECT", "DROP", "INSERT", "UPDATE", "DELETE", "EXEC", "WAITFOR",
    };

    public ImmutableArray<string> SinkKinds { get; } = ["sql-injection"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("osprey' OR '1'='1", "closes the string literal and adds an always-true OR clause"),
        new("1 OR 1=1", "adds an always-true OR clause to a numeric comparison"),
        new("osprey'; DROP TABLE osprey_canary; --", "closes the literal, stacks a second statement and comments out the rest"),
        new("osprey\" OR \"1\"=\"1", "closes a double-quoted value and adds an always-true OR clause"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var sql = observation.Primary;
        var at = sql.IndexOf(payload.Value, StringComparison.Ordinal);
        if (at < 0)
        {
            return OracleVerdict.NotReached("the payload does not appear in the statement (bound as a parameter, escaped or dropped)");
        }

        var end = at + payload.Value.Length;
        var tokens = SqlTokenizer.Tokenize(sql);
        var touched = tokens.Where(t => t.Overlaps(at, end)).ToList();
        if (touched.Count == 1 && touched[0].Kind is SqlTokenKind.StringLiteral or SqlTokenKind.QuotedIdentifier && touched[0].Covers(at, end))
        {
            return OracleVerdict.Neutralised("the payload stays inside one quoted literal of the statement");
        }

        if (touched.Count <= 1)
        {
            return OracleVerdict.Neutralised("the payload is a single token of the statement");
        }

        return OracleVerdict.Exploit("the payload changed the statement's structure: " + Describe(touched, at, end));
    }

    private static string Describe(List<SqlToken> touched, int start, int end)
    {
        var effects = new List<string>();
        if (touched.Any(t => t.Kind == SqlTokenKind.StringLiteral && t.End > start && t.End <= end))
        {
            effects.Add("it closed a string literal");
        }

        var words = touched.Where(t => t.Kind == SqlTokenKind.Word && t.Start >= start && ClauseWords.Contains(t.Text))
            .Select(t => t.Text.ToUpperInvariant()).Distinct().ToList();
        if (words.Count > 0)
        {
            effects.Add("added " + string.Join(", ", words));
        }

        if (touched.Any(t => t.Kind == SqlTokenKind.Semicolon && t.Start >= start))
        {
            effects.Add("stacked a statement with ';'");
        }

        if (touched.Any(t => t.Kind is SqlTokenKind.LineComment or SqlTokenKind.BlockComment && t.Start >= start))
        {
            effects.Add("commented out the rest");
        }

        if (effects.Count == 0)
        {
            effects.Add($"it spans {touched.Count} tokens");
        }

        return string.Join(", ", effects) + ".";
    }
}
