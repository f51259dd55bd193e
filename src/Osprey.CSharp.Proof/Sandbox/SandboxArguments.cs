using System.Globalization;

namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>
/// Builds the wrapper command line for one run: <c>setsid sh -c</c> (own process group, join the
/// pids cgroup), then <c>prlimit</c> (address space, process count), then the isolation tool, then
/// the program.
/// </summary>
internal static class SandboxArguments
{
    // $1 is the cgroup.procs file or "-" for none; the shell joins the group before anything else
    // runs, so every process of the run is counted. The shell stays as the parent (no exec):
    // bubblewrap's --die-with-parent follows the parent *thread*, and the thread-pool thread that
    // started the shell may retire while the run is still going.
    private const string JoinCgroupScript = "if [ \"$1\" != - ]; then echo $$ > \"$1\" || exit 125; fi; shift; \"$@\"; exit $?";

    // Without prlimit the shell sets the limits itself.
    private const string UlimitScript = "if [ \"$1\" != - ]; then echo $$ > \"$1\" || exit 125; fi; ulimit -v \"$2\" || exit 125; shift 2; \"$@\"; exit $?";

    public static (string FileName, List<string> Arguments) Build(
        SandboxCapabilities capabilities, SandboxLimits limits, string workspace, string? cgroupProcs, SandboxCommand command)
    {
        var arguments = new List<string>();
        string fileName;
        if (capabilities.Setsid is { } setsid)
        {
            fileName = setsid;
            arguments.Add("/bin/sh");
        }
        else
        {
            fileName = "/bin/sh";
        }

        arguments.Add("-c");
        if (capabilities.Prlimit is { } prlimit)
        {
            arguments.AddRange([JoinCgroupScript, "sh", cgroupProcs ?? "-", prlimit,
                "--as=" + limits.AddressSpaceBytes.ToString(CultureInfo.InvariantCulture),
                "--nproc=" + limits.MaxProcesses.ToString(CultureInfo.InvariantCulture), "--"]);
        }
        else
        {
            arguments.AddRange([UlimitScript, "sh", cgroupProcs ?? "-", (limits.AddressSpaceBytes / 1024).ToString(CultureInfo.InvariantCulture)]);
        }

        switch (capabilities.Isolation)
        {
            case SandboxIsolation.Bubblewrap:
                arguments.AddRange([capabilities.IsolationTool!,
                    "--unshare-net", "--unshare-user", "--uid", "65534", "--gid", "65534",
                    "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--cap-drop", "ALL",
                    "--die-with-parent", "--new-session",
                    "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                    "--bind", workspace, workspace, "--chdir", workspace, "--"]);
                break;
            case SandboxIsolation.Unshare:
                arguments.AddRange([capabilities.IsolationTool!, "--net", "--map-root-user", "--pid", "--fork", "--kill-child", "--"]);
                break;
        }

        arguments.Add(command.Program);
        arguments.AddRange(command.Arguments);
        return (fileName, arguments);
    }
}
