using System.Net;
using System.Net.Sockets;

namespace Osprey.Server.Assets;

/// <summary>
/// Which addresses the server may connect to on a tenant's behalf (URL verification, repository
/// fetches): public ones only, never loopback, private, link-local, shared or multicast ranges,
/// so that a tenant cannot make the server probe its own host or network.
/// </summary>
internal static class PublicAddresses
{
    /// <summary>True for an address on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast) return false;
        if (address.AddressFamily != AddressFamily.InterNetwork) return !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6None);
        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224);
    }

    /// <summary>Whether the policy allows <paramref name="address"/>: loopback only in test mode, else public only.</summary>
    public static bool Allows(IPAddress address, bool loopbackOnly) =>
        loopbackOnly ? IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) : IsPublic(address);
}
