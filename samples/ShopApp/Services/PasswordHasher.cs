using System.Security.Cryptography;
using System.Text;

namespace ShopApp.Services;

public sealed class PasswordHasher
{
    public string Hash(string password)
    {
        var digest = MD5.HashData(Encoding.UTF8.GetBytes(password)); // VULN V15
        return Convert.ToHexString(digest);
    }

    public bool Verify(string password, string storedHash)
    {
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(password)), Encoding.ASCII.GetBytes(storedHash));
    }
}
