using System.Security.Cryptography;
using System.Text;

namespace Osprey.Server.Keys;

/// <summary>
/// The format and hashing of API keys: <c>osp_&lt;10-char id&gt;_&lt;32-char secret&gt;</c>. The
/// visible prefix (<c>osp_&lt;id&gt;</c>) finds the row; the whole key is hashed with HMAC-SHA256
/// under the server secret and compared in constant time.
/// </summary>
internal static class ApiKeySecret
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int IdLength = 10;
    private const int SecretLength = 32;

    public static (string Key, string Prefix) Generate()
    {
        var prefix = "osp_" + RandomNumberGenerator.GetString(Alphabet, IdLength);
        return (prefix + "_" + RandomNumberGenerator.GetString(Alphabet, SecretLength), prefix);
    }

    /// <summary>Returns the prefix of a well-formed key, or null.</summary>
    public static string? PrefixOf(string key)
    {
        if (key.Length != 4 + IdLength + 1 + SecretLength || !key.StartsWith("osp_", StringComparison.Ordinal) || key[4 + IdLength] != '_')
        {
            return null;
        }

        foreach (var c in key.AsSpan(4))
        {
            if (c != '_' && !char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }
        }

        return key[..(4 + IdLength)];
    }

    public static byte[] Hash(byte[] serverSecret, string key) => HMACSHA256.HashData(serverSecret, Encoding.UTF8.GetBytes(key));

    public static bool Matches(byte[] serverSecret, string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(serverSecret, key), storedHash);
}
