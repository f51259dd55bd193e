using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Osprey.Server.Api;
using Osprey.Server.Hosting;
using Osprey.Server.Scans;
using Osprey.Server.Storage;

namespace Osprey.Server.Assets;

/// <summary>
/// Proves that an organisation owns a repository: the token is committed in a file named
/// <see cref="TokenFileName"/> (found in a submitted archive), or served at the asset's
/// verification URL. URL fetches resolve the host first and connect only to addresses the policy
/// allows: public addresses in production, loopback only when the server runs in test mode.
/// </summary>
internal sealed class AssetOwnership(ServerRuntime runtime)
{
    public const string TokenFileName = ".osprey-verification";

    private readonly HttpClient _client = CreateClient(runtime.Options.LoopbackUrlVerificationOnly);

    public bool TokenInArchive(ArchiveInspection inspection, string token) =>
        inspection.TokenFiles.Any(content => content.Contains(token, StringComparison.Ordinal));

    /// <summary>Returns null when the token was found at the URL, else the problem.</summary>
    public async Task<IResult?> TokenAtUrlAsync(AssetEntity asset, CancellationToken cancellationToken)
    {
        if (asset.VerificationUrl is null)
        {
            return ApiProblem.Result(400, "no-verification-url", "The asset has no verification URL and no archive was sent.",
                $"Send an archive containing '{TokenFileName}', or register the asset with a verificationUrl serving the token.");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await _client.GetAsync(asset.VerificationUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = new byte[4096];
            var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var length = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, timeout.Token);
            if (response.IsSuccessStatusCode && System.Text.Encoding.UTF8.GetString(body, 0, length).Contains(asset.VerificationToken, StringComparison.Ordinal))
            {
                return null;
            }

            return ApiProblem.Result(422, "token-not-found", "The verification URL does not serve the token.", $"Serve '{asset.VerificationToken}' at {asset.VerificationUrl}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or SocketException)
        {
            return ApiProblem.Result(422, "verification-url-unreachable", "The verification URL could not be fetched.",
                "Check that the URL is reachable from the server and resolves to an allowed address.", ex.Message);
        }
    }

    private static HttpClient CreateClient(bool loopbackOnly)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                var allowed = addresses.FirstOrDefault(a => PublicAddresses.Allows(a, loopbackOnly))
                    ?? throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves to no address the verification policy allows.");
                var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
    }
}
