namespace Osprey.Server.Abuse;

/// <summary>Tokens and word shingles of submitted text: identifiers, numbers and single punctuation marks.</summary>
internal static class Shingles
{
    /// <summary>Identifiers (letters, digits, underscore, starting with a letter or underscore), numbers, and each other non-space character.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>(text.Length / 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
            else
            {
                i++;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    /// <summary>Hashes of the word <paramref name="k"/>-shingles; a text shorter than k tokens is one shingle.</summary>
    public static HashSet<ulong> Hashed(string text, int k = 3)
    {
        var tokens = Tokens(text).Select(t => StableHash.Of(t)).ToArray();
        var set = new HashSet<ulong>();
        for (var i = 0; i + Math.Min(k, tokens.Length) <= tokens.Length && tokens.Length > 0; i++)
        {
            var h = tokens[i];
            for (var j = 1; j < k && i + j < tokens.Length; j++) h = StableHash.Combine(h, tokens[i + j]);
            set.Add(h);
            if (tokens.Length < k) break;
        }

        return set;
    }
}
