using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Osprey.Server.Usage;

/// <summary>
/// What identifies a client beyond its key: its address and a fingerprint of the headers its
/// HTTP stack sends (User-Agent, Accept, Accept-Language, Accept-Encoding). TLS fingerprints are
/// not available behind Kestrel's HTTP layer and are left out.
/// </summary>
internal sealed record ClientIdentity(string? Address, string Fingerprint, string UserAgent)
{
    public static ClientIdentity Of(HttpContext http)
    {
        var headers = http.Request.Headers;
        var userAgent = headers.UserAgent.ToString();
        var material = string.Join('\n', userAgent, headers.Accept.ToString(), headers.AcceptLanguage.ToString(), headers.AcceptEncoding.ToString());
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)).AsSpan(0, 8));
        return new ClientIdentity(http.Connection.RemoteIpAddress?.ToString(), fingerprint, userAgent.Length > 200 ? userAgent[..200] : userAgent);
    }
}
