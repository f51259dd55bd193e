using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Osprey.Server.Tests.Support;

/// <summary>
/// Real git repositories for the repository-scan tests: a work repository the test commits to,
/// published as a bare repository that a real <c>git daemon</c> serves on 127.0.0.1 (a free port).
/// git runs with no system or global configuration, so the machine's settings do not leak in.
/// </summary>
internal sealed class GitRepositories : IDisposable
{
    private readonly Process _daemon;

    private GitRepositories(string root, Process daemon, int port)
    {
        Root = root;
        _daemon = daemon;
        Port = port;
    }

    public string Root { get; }

    public int Port { get; }

    public static async Task<GitRepositories> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "osprey-git-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "served"));
        var port = FreePort();
        var start = Start("daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1", $"--port={port}", "--base-path=" + Path.Combine(root, "served"), Path.Combine(root, "served"));
        var daemon = Process.Start(start)!;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }

        return new GitRepositories(root, daemon, port);
    }

    /// <summary>Creates a work repository named <paramref name="name"/> on branch <c>main</c>.</summary>
    public string Create(string name)
    {
        var work = Path.Combine(Root, "work", name);
        Directory.CreateDirectory(work);
        Git(work, "init", "-q", "-b", "main");
        return work;
    }

    /// <summary>Writes the files, commits them all and returns the commit id.</summary>
    public string Commit(string work, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        Git(work, "add", "-A");
        Git(work, "commit", "-q", "-m", "change " + Guid.NewGuid().ToString("N")[..6]);
        return Git(work, "rev-parse", "HEAD");
    }

    /// <summary>Publishes the work repository (all branches and tags) for the daemon; returns its git:// URL.</summary>
    public string Publish(string work)
    {
        var name = Path.GetFileName(work) + ".git";
        var served = Path.Combine(Root, "served", name);
        if (Directory.Exists(served)) Directory.Delete(served, recursive: true);
        Git(Root, "clone", "-q", "--bare", work, served);
        return $"git://127.0.0.1:{Port}/{name}";
    }

    public static string Git(string directory, params string[] arguments)
    {
        var start = Start(arguments);
        start.WorkingDirectory = directory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        return output.Result.Trim();
    }

    public void Dispose()
    {
        if (!_daemon.HasExited) _daemon.Kill(entireProcessTree: true);
        _daemon.WaitForExit();
        _daemon.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ProcessStartInfo Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Osprey Tests";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "tests@osprey.test";
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>A loopback port nothing listens on (just released by the OS).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
