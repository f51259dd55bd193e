using System.Globalization;
using System.Security.Cryptography;

namespace ShopApp.Services;

public sealed class TokenService
{
    /// <summary>Six-digit code mailed to a user who forgot the password.</summary>
    public string CreateResetToken()
    {
        return new Random().Next(100000, 1000000).ToString(CultureInfo.InvariantCulture); // VULN V16
    }

    /// <summary>Bearer token for the storefront API.</summary>
    public string CreateApiToken()
    {
        return RandomNumberGenerator.GetHexString(40, lowercase: true); // SAFE S11
    }
}
