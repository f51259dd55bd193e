using System.Text;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Classifies identifiers by the words they are made of (<c>resetToken</c> → reset, token;
/// <c>DB_PASSWORD</c> → db, password), so that <c>passwordLabel</c> is not a password and
/// <c>statusCode</c> is not a one-time code.
/// </summary>
internal static class SensitiveNames
{
    private static readonly HashSet<string> CredentialWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "apikey", "credential", "credentials", "privatekey", "accesskey", "clientsecret",
        "accesstoken", "authtoken", "bearertoken", "apitoken", "secretkey", "signingkey", "encryptionkey",
    };

    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal) { "password", "passwd", "pwd", "passphrase", "pin", "secret", "credential", "credentials" };

    private static readonly HashSet<string> NotAValue = new(StringComparer.Ordinal)
    {
        "name", "label", "field", "prompt", "message", "hint", "placeholder", "policy", "length", "regex", "pattern", "format", "hash", "hashed",
        "changed", "required", "expired", "expiry", "expires", "mode", "type", "column", "param", "parameter", "header", "path", "file", "url", "uri",
        "page", "view", "validator", "error", "attempt", "attempts", "count", "min", "max", "strength", "id", "enabled", "lifetime", "option", "options", "provider", "rule", "rules", "store", "hasher",
    };

    private static readonly HashSet<string> RandomSensitiveWords = new(StringComparer.Ordinal)
    {
        "token", "password", "passwd", "pwd", "passcode", "secret", "key", "salt", "nonce", "otp", "pin", "iv", "session", "sessionid", "csrf", "xsrf", "captcha", "apikey", "nonce",
    };

    private static readonly HashSet<string> CodeQualifiers = new(StringComparer.Ordinal)
    {
        "reset", "verification", "verify", "confirmation", "confirm", "auth", "authentication", "otp", "security", "access", "invite", "invitation",
        "activation", "login", "recovery", "mfa", "sms", "email", "one", "unlock", "pairing", "secret",
    };

    /// <summary>Splits an identifier into lower-case words.</summary>
    public static IReadOnlyList<string> Words(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var boundary = char.IsUpper(c) && current.Length > 0
                && (char.IsLower(identifier[i - 1]) || (i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) && char.IsUpper(identifier[i - 1])));
            if (boundary)
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>
    /// Text every credential and password word contains. Words are runs of an identifier's letters
    /// and digits, so a word, or two neighbouring words joined, is a substring of the identifier's
    /// letters and digits in lower case: an identifier without any of these cannot name a secret.
    /// </summary>
    private static readonly string[] SecretStems = ["pass", "pwd", "pin", "secret", "key", "credential", "token"];

    /// <summary>Whether a member, variable or parameter named so holds a credential (password, API key, client secret).</summary>
    public static bool IsCredential(string identifier)
    {
        if (!MayNameSecret(identifier))
        {
            return false;
        }

        var words = Words(identifier);
        return !words.Any(NotAValue.Contains) && (words.Any(CredentialWords.Contains) || Pairs(words).Any(CredentialWords.Contains));
    }

    /// <summary>Whether something named so holds a password (narrower than <see cref="IsCredential"/>).</summary>
    public static bool IsPassword(string identifier)
    {
        if (!MayNameSecret(identifier))
        {
            return false;
        }

        var words = Words(identifier);
        return !words.Any(NotAValue.Contains) && words.Any(PasswordWords.Contains);
    }

    /// <summary>Whether a value named so must be unpredictable: a token, key, salt, nonce, one-time code.</summary>
    public static bool NeedsUnpredictability(string identifier)
    {
        var words = Words(identifier);
        if (words.Any(w => w is "name" or "label" or "length" or "count" or "index"))
        {
            return false;
        }

        return words.Any(RandomSensitiveWords.Contains)
            || (words.Contains("code") && (words.Count == 1 || words.Any(CodeQualifiers.Contains)));
    }

    /// <summary>
    /// A cheap test run on every identifier token of a scan, before <see cref="Words"/> allocates:
    /// false only when no word or pair of words of <paramref name="identifier"/> can be a secret word.
    /// </summary>
    private static bool MayNameSecret(string identifier)
    {
        if (identifier.Length > 256)
        {
            return true;
        }

        Span<char> letters = stackalloc char[identifier.Length];
        var length = 0;
        foreach (var c in identifier)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters[length++] = char.ToLowerInvariant(c);
            }
        }

        var text = letters[..length];
        foreach (var stem in SecretStems)
        {
            if (text.Contains(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Pairs(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            yield return words[i] + words[i + 1];
        }
    }
}
