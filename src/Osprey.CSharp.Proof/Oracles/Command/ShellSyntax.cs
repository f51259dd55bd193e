namespace Osprey.CSharp.Proof.Oracles.Command;

/// <summary>
/// Reads a command line as a POSIX shell (or <c>cmd.exe</c>) would and marks which characters are
/// active syntax: command separators and pipes (<c>; &amp; |</c>, newline), redirections, and
/// substitutions (<c>$(</c>, backtick) — unquoted, or inside double quotes for substitutions.
/// Also splits it into words, so injected options can be found.
/// </summary>
internal static class ShellSyntax
{
    /// <summary>For each character, whether it acts as shell syntax.</summary>
    public static bool[] ActiveCharacters(string line)
    {
        var active = new bool[line.Length];
        var single = false;
        var dbl = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (single)
            {
                single = c != '\'';
                continue;
            }

            if (c == '\\' && i + 1 < line.Length)
            {
                i++;
                continue;
            }

            if (c == '"')
            {
                dbl = !dbl;
                continue;
            }

            var substitution = c == '`' || (c == '$' && i + 1 < line.Length && line[i + 1] == '(');
            if (dbl)
            {
                active[i] = substitution;
                continue;
            }

            if (c == '\'')
            {
                single = true;
                continue;
            }

            active[i] = substitution || c is ';' or '&' or '|' or '\n' or '<' or '>';
        }

        return active;
    }

    /// <summary>The words of the line with their start offsets (quotes removed from the text).</summary>
    public static List<(int Start, string Text)> Words(string line)
    {
        var words = new List<(int, string)>();
        var current = new System.Text.StringBuilder();
        var start = -1;
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (start >= 0)
                {
                    words.Add((start, current.ToString()));
                    current.Clear();
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            if (c is '"' or '\'')
            {
                quote = c;
            }
            else
            {
                current.Append(c);
            }
        }

        if (start >= 0)
        {
            words.Add((start, current.ToString()));
        }

        return words;
    }
}
