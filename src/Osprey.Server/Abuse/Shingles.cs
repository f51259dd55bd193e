using System.Text.RegularExpressions;

namespace Osprey.Server.Abuse;

/// <summary>Tokens and word shingles of submitted text: identifiers, numbers and single punctuation marks.</summary>
internal static partial class Shingles
{
    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[^\sA-Za-z0-9_]")]
    private static partial Regex Token();

    public static List<string> Tokens(string text) => Token().Matches(text).Select(m => m.Value).ToList();

    /// <summary>Hashes of the word <paramref name="k"/>-shingles; a text shorter than k tokens is one shingle.</summary>
    public static HashSet<ulong> Hashed(string text, int k = 3)
    {
        var tokens = Tokens(text);
        var set = new HashSet<ulong>();
        if (tokens.Count == 0) return set;
        if (tokens.Count < k)
        {
            set.Add(StableHash.Of(string.Join(' ', tokens)));
            return set;
        }

        for (var i = 0; i + k <= tokens.Count; i++) set.Add(StableHash.Of(string.Join(' ', tokens, i, k)));
        return set;
    }
}
