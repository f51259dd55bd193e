using System.Net;
using System.Net.Sockets;
using Osprey.Server.Assets;

namespace Osprey.Server.Repositories;

/// <summary>
/// A repository URL the fetch policy allows, with the address git must connect to. Production
/// allows only <c>https://</c> to a public address; the test mode
/// (<see cref="ServerOptions.LoopbackRepositoriesOnly"/>) allows loopback only, and also
/// <c>git://</c> and <c>file://</c>. The host is resolved here and the address pinned for git
/// (<c>http.curloptResolve</c>, or the address written into a <c>git://</c> URL), so that a DNS
/// answer that changes between this check and the fetch cannot redirect it to a private address.
/// </summary>
internal sealed record RepositoryLocation(Uri Url, IPAddress? Address)
{
    /// <summary>The URL schemes git may use under the policy, as <c>GIT_ALLOW_PROTOCOL</c> lists them.</summary>
    public static IReadOnlyList<string> AllowedSchemes(bool loopbackOnly) => loopbackOnly ? ["https", "git", "file"] : ["https"];

    /// <summary>Checks <paramref name="url"/> against the policy and resolves its host.</summary>
    public static async Task<(RepositoryLocation? Location, RepositoryRefusal? Refusal)> ResolveAsync(string? url, bool loopbackOnly, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url)) return (null, RepositoryRefusal.NoRepository());
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !AllowedSchemes(loopbackOnly).Contains(uri.Scheme))
            return (null, RepositoryRefusal.SchemeNotAllowed(url, loopbackOnly));
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0) return (null, RepositoryRefusal.UrlNotPlain(url));
        if (uri.IsFile) return (new RepositoryLocation(uri, null), null);

        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, RepositoryRefusal.HostUnknown(uri.Host));
        }

        var allowed = addresses.FirstOrDefault(a => PublicAddresses.Allows(a, loopbackOnly));
        return allowed is null ? (null, RepositoryRefusal.AddressNotAllowed(uri.Host, loopbackOnly)) : (new RepositoryLocation(uri, allowed), null);
    }

    /// <summary>The URL git is given: for <c>git://</c> the host is replaced by the checked address.</summary>
    public string FetchUrl => Url.Scheme == "git" && Address is not null
        ? new UriBuilder(Url) { Host = Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString() }.Uri.AbsoluteUri
        : Url.AbsoluteUri;

    /// <summary>For https: the <c>http.curloptResolve</c> entry that pins libcurl to the checked address.</summary>
    public string? CurlResolve => Url.Scheme == "https" && Address is not null
        ? $"{Url.IdnHost}:{Url.Port}:{(Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())}"
        : null;
}
