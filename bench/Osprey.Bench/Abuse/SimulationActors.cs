using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Osprey.Tests.Shared.Abuse;

namespace Osprey.Bench.Abuse;

/// <summary>One registered repository of a simulated organisation.</summary>
internal sealed class SimRepository(ImmutableArray<(string Path, string Content)> files)
{
    public ImmutableArray<(string Path, string Content)> Files { get; } = files;

    public Guid AssetId { get; set; }

    public string Token { get; set; } = "";
}

/// <summary>A simulated organisation: its profile, its network (one /24 on loopback), its client, its repositories and keys.</summary>
internal sealed class SimOrganisation(string profile, int index, string userAgent, SyntheticCode code)
{
    public string Profile { get; } = profile;

    public int Index { get; } = index;

    public string Name => $"{Profile}-{Index:000}";

    public string UserAgent { get; } = userAgent;

    public SyntheticCode Code { get; } = code;

    public List<SimRepository> Repositories { get; } = [];

    public List<SimKey> Keys { get; } = [];

    public Guid Id { get; set; }

    public List<Guid> FindingIds { get; } = [];

    /// <summary>127.x.y.0/24, one per organisation; the loopback range is all local on Linux, so each is a real source address.</summary>
    public IPAddress Address(int host) => new([127, (byte)(20 + (Index / 200)), (byte)(Index % 200), (byte)host]);
}

/// <summary>An API key as a client: the organisation, the profile it plays, its source address and its HTTP client.</summary>
internal sealed class SimKey(SimOrganisation organisation, string label, string profile, bool attack, IPAddress address, string userAgent) : IDisposable
{
    private HttpClient? _http;

    public SimOrganisation Organisation { get; } = organisation;

    public string Label { get; } = label;

    /// <summary>The profile the key is scored under (an attack key of a background organisation has the attack's profile).</summary>
    public string Profile { get; } = profile;

    public bool IsAttack { get; } = attack;

    public IPAddress Address { get; } = address;

    public string UserAgent { get; } = userAgent;

    public string Secret { get; set; } = "";

    public Guid Id { get; set; }

    public Guid? LastScanId { get; set; }

    /// <summary>The key's client for <paramref name="server"/> (a new one after the server restarted on another port).</summary>
    public HttpClient Http(Uri server)
    {
        if (_http?.BaseAddress == server) return _http;
        _http?.Dispose();
        return _http = Client(server, Address, UserAgent, Secret);
    }

    /// <summary>An HTTP client whose connections leave from <paramref name="address"/>.</summary>
    public static HttpClient Client(Uri server, IPAddress address, string userAgent, string? key)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(address, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public void Dispose() => _http?.Dispose();
}

/// <summary>What a simulated client does at one moment.</summary>
internal enum SimStepKind
{
    /// <summary>Submit an archive for one of the organisation's repositories.</summary>
    Submit,

    /// <summary>List the findings of the key's last scan.</summary>
    ListFindings,

    /// <summary>Read one finding with its trace and proof.</summary>
    ReadFinding,

    /// <summary>Export the findings of a repository.</summary>
    Export,
}

/// <summary>One step of the schedule. <see cref="Files"/> is the archive for a submission; <see cref="WithToken"/> adds the repository's verification file.</summary>
internal sealed record SimStep(DateTimeOffset At, SimKey Key, SimStepKind Kind, int Repository = 0, ImmutableArray<(string Path, string Content)> Files = default, bool WithToken = true);
