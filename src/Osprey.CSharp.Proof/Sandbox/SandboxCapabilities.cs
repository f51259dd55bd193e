using System.Diagnostics;

namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>
/// What this machine offers for sandboxing, found by trying each tool once: bubblewrap and
/// <c>unshare</c> are run with a no-op command, <c>prlimit</c> is looked up on the PATH, and the
/// pids cgroup is probed by creating and removing a group.
/// </summary>
public sealed record SandboxCapabilities
{
    /// <summary>The strongest isolation that worked.</summary>
    public required SandboxIsolation Isolation { get; init; }

    /// <summary>Full path of the tool for <see cref="Isolation"/>, or null for <see cref="SandboxIsolation.None"/>.</summary>
    public string? IsolationTool { get; init; }

    /// <summary>Full path of <c>prlimit</c>, or null when it is missing (then <c>sh -c ulimit</c> is used).</summary>
    public string? Prlimit { get; init; }

    /// <summary>Full path of <c>setsid</c>, which gives each run its own process group.</summary>
    public string? Setsid { get; init; }

    /// <summary>A pids cgroup under which each run gets its own group, or null.</summary>
    public PidsCgroupRoot? PidsCgroup { get; init; }

    /// <summary>Warnings for the user about what the sandbox cannot enforce here; empty when it is complete.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Detects the capabilities of this machine.</summary>
    public static SandboxCapabilities Detect()
    {
        var bwrap = FindOnPath("bwrap");
        var unshare = FindOnPath("unshare");
        var prlimit = FindOnPath("prlimit");
        var setsid = FindOnPath("setsid");
        var pids = PidsCgroupRoot.TryCreate();
        var warnings = new List<string>();

        SandboxIsolation isolation;
        string? tool;
        if (bwrap is not null && Works(bwrap, "--unshare-net", "--unshare-user", "--unshare-pid", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "true"))
        {
            (isolation, tool) = (SandboxIsolation.Bubblewrap, bwrap);
        }
        else if (unshare is not null && Works(unshare, "--net", "--map-root-user", "--pid", "--fork", "true"))
        {
            (isolation, tool) = (SandboxIsolation.Unshare, unshare);
            warnings.Add("bubblewrap is unavailable: proofs run with unshare (no network, own PID namespace) but the file system is not read-only. Install bubblewrap (Debian: apt-get install bubblewrap).");
        }
        else
        {
            (isolation, tool) = (SandboxIsolation.None, null);
            warnings.Add("No sandboxing tool works here (bubblewrap or unshare): proofs run as plain child processes with time, memory and process limits only — they can reach the network and write wherever this user can.");
        }

        if (pids is null && isolation != SandboxIsolation.None)
        {
            warnings.Add("No writable pids cgroup: the process limit is an RLIMIT_NPROC, which Linux does not enforce inside a user namespace or for root.");
        }

        return new SandboxCapabilities { Isolation = isolation, IsolationTool = tool, Prlimit = prlimit, Setsid = setsid, PidsCgroup = pids, Warnings = warnings };
    }

    private static bool Works(string tool, params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info);
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    internal static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
