using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Osprey.Server.Tests.Durability;

/// <summary>A real server in a child process (this test assembly's <see cref="ChildServerProgram"/>), killable with SIGKILL.</summary>
internal sealed class ChildServer : IDisposable
{
    private readonly Process _process;

    private ChildServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ChildServer> StartAsync(string dataDirectory, string? database, bool fastEngine)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildServerProgram).Assembly.Location);
        foreach (var arg in new[] { "serve", dataDirectory, url }) start.ArgumentList.Add(arg);
        if (database is not null) start.ArgumentList.Add(database);
        start.Environment["OSPREY_TEST_FAST"] = fastEngine ? "1" : "0";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ChildServer(process, new Uri(url));
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"child server exited with {process.ExitCode}");
            try
            {
                if ((await client.GetAsync("/api/v1/health")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        server.Dispose();
        throw new TimeoutException("child server did not start");
    }

    /// <summary>SIGKILL: no graceful shutdown, no flush, no finally blocks.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
