namespace Osprey.CSharp.Proof.Oracles.Sql;

/// <summary>
/// Splits a statement into tokens the way SQL Server and standard SQL read it: <c>'…'</c> strings
/// with <c>''</c> as the escaped quote (optionally prefixed <c>N</c>), <c>"…"</c> and <c>[…]</c>
/// identifiers, <c>--</c> and <c>/* */</c> comments. Backslash is an ordinary character (it escapes
/// nothing in T-SQL). An unterminated string or comment runs to the end.
/// </summary>
internal static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            SqlTokenKind kind;
            if (c == '\'' || ((c is 'N' or 'n') && Peek(sql, i + 1) == '\''))
            {
                i = SkipQuoted(sql, c == '\'' ? i : i + 1, '\'');
                kind = SqlTokenKind.StringLiteral;
            }
            else if (c == '"')
            {
                i = SkipQuoted(sql, i, '"');
                kind = SqlTokenKind.QuotedIdentifier;
            }
            else if (c == '[')
            {
                i = SkipQuoted(sql, i, ']');
                kind = SqlTokenKind.QuotedIdentifier;
            }
            else if (c == '-' && Peek(sql, i + 1) == '-')
            {
                i = sql.IndexOf('\n', i) is var nl and >= 0 ? nl : sql.Length;
                kind = SqlTokenKind.LineComment;
            }
            else if (c == '/' && Peek(sql, i + 1) == '*')
            {
                i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : sql.Length;
                kind = SqlTokenKind.BlockComment;
            }
            else if (c == ';')
            {
                i++;
                kind = SqlTokenKind.Semicolon;
            }
            else if (char.IsDigit(c))
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                kind = SqlTokenKind.Number;
            }
            else if (char.IsLetter(c) || c is '_' or '@' or '#' or '$')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '@' or '#' or '$'))
                {
                    i++;
                }

                kind = SqlTokenKind.Word;
            }
            else
            {
                i++;
                kind = SqlTokenKind.Operator;
            }

            tokens.Add(new SqlToken(kind, start, i, sql[start..i]));
        }

        return tokens;
    }

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    // Returns the index after the closing quote; a doubled closing quote is an escaped one.
    private static int SkipQuoted(string text, int open, char close)
    {
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] == close)
            {
                if (Peek(text, i + 1) == close)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return text.Length;
    }
}
