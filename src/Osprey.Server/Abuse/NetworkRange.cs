using System.Net;
using System.Net.Sockets;

namespace Osprey.Server.Abuse;

/// <summary>The /24 of an IPv4 address or the /48 of an IPv6 address: roughly one site or one customer.</summary>
internal static class NetworkRange
{
    public static string Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork) return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        var prefix = new byte[16];
        Array.Copy(bytes, prefix, 6);
        return new IPAddress(prefix) + "/48";
    }
}
