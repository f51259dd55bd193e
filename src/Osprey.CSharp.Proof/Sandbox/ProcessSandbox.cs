using System.Diagnostics;
using System.Globalization;

namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>
/// Runs a program in a separate process with no network, a read-only file system outside its
/// workspace (bubblewrap), a wall-clock limit enforced by killing its process group, an
/// address-space and managed-heap limit, and a process-count limit. What is enforced depends on
/// <see cref="Capabilities"/>; see <c>docs/proof.md</c>.
/// </summary>
public sealed class ProcessSandbox
{
    /// <summary>Creates a sandbox with the given (or detected) capabilities.</summary>
    public ProcessSandbox(SandboxCapabilities? capabilities = null, TimeProvider? timeProvider = null)
    {
        Capabilities = capabilities ?? SandboxCapabilities.Detect();
        Time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>What this sandbox can enforce.</summary>
    public SandboxCapabilities Capabilities { get; }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private TimeProvider Time { get; }

    /// <summary>Runs <paramref name="command"/> in <paramref name="workspace"/> under <paramref name="limits"/>.</summary>
    public async Task<SandboxResult> RunAsync(SandboxWorkspace workspace, SandboxCommand command, SandboxLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(limits);

        using var cgroup = Capabilities.PidsCgroup?.TryCreateGroup(limits.MaxProcesses);
        var (fileName, arguments) = SandboxArguments.Build(Capabilities, limits, workspace.Directory, cgroup?.ProcsFile, command);
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.Directory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        SetEnvironment(info, workspace, command, limits);

        var started = Time.GetTimestamp();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new SandboxResult { Outcome = SandboxOutcome.FailedToStart, StandardError = e.Message, Isolation = Capabilities.Isolation };
        }

        process.StandardInput.Close();
        var stdout = BoundedReader.ReadAsync(process.StandardOutput.BaseStream, limits.MaxOutputBytes);
        var stderr = BoundedReader.ReadAsync(process.StandardError.BaseStream, limits.MaxOutputBytes);

        var (timedOut, processLimitHit) = await WaitAsync(process, cgroup, limits.WallClock, started, cancellationToken).ConfigureAwait(false);
        if (timedOut || processLimitHit || cancellationToken.IsCancellationRequested)
        {
            KillEverything(process, cgroup);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        // The harness's own descendants may outlive it; they belong to the run and go with it.
        KillEverything(process, cgroup);
        var output = await stdout.ConfigureAwait(false);
        var error = await stderr.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var outcome = timedOut ? SandboxOutcome.TimedOut
            : processLimitHit || cgroup?.LimitWasHit() == true ? SandboxOutcome.ProcessLimitExceeded
            : LooksOutOfMemory(error) ? SandboxOutcome.MemoryExceeded
            : process.ExitCode == 125 && error.Contains("cgroup", StringComparison.Ordinal) ? SandboxOutcome.FailedToStart
            : SandboxOutcome.Exited;
        return new SandboxResult
        {
            Outcome = outcome,
            ExitCode = process.ExitCode,
            StandardOutput = output,
            StandardError = error,
            Elapsed = Time.GetElapsedTime(started),
            Isolation = Capabilities.Isolation,
        };
    }

    // Waits for the exit, the deadline, or — polled, since cgroup v1 has no notification that is
    // cheap to wait on — a refused fork, which is how a fork bomb shows itself.
    private async Task<(bool TimedOut, bool ProcessLimitHit)> WaitAsync(
        Process process, PidsCgroup? cgroup, TimeSpan wallClock, long started, CancellationToken cancellationToken)
    {
        var exited = process.WaitForExitAsync(CancellationToken.None);
        while (!exited.IsCompleted)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return (false, false);
            }

            if (cgroup?.LimitWasHit() == true)
            {
                return (false, true);
            }

            var left = wallClock - Time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return (true, false);
            }

            var tick = left < PollInterval ? left : PollInterval;
            await Task.WhenAny(exited, Task.Delay(tick, Time, CancellationToken.None)).ConfigureAwait(false);
        }

        return (false, false);
    }

    private static void KillEverything(Process process, PidsCgroup? cgroup)
    {
        try
        {
            // setsid made the wrapper the leader of its own group, so the group id is its pid.
            ProcessSignals.KillGroup(process.Id);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        if (cgroup is not null)
        {
            foreach (var pid in cgroup.Members())
            {
                ProcessSignals.Kill(pid);
            }
        }
    }

    private static bool LooksOutOfMemory(string error) =>
        error.Contains("OutOfMemoryException", StringComparison.Ordinal)
        || error.Contains("Out of memory", StringComparison.OrdinalIgnoreCase)
        || error.Contains("Cannot allocate memory", StringComparison.Ordinal)
        || error.Contains("Failed to create CoreCLR", StringComparison.Ordinal);

    private static void SetEnvironment(ProcessStartInfo info, SandboxWorkspace workspace, SandboxCommand command, SandboxLimits limits)
    {
        var inherited = info.Environment;
        var path = inherited.TryGetValue("PATH", out var p) ? p : "/usr/local/bin:/usr/bin:/bin";
        var dotnetRoot = inherited.TryGetValue("DOTNET_ROOT", out var d) ? d : null;
        inherited.Clear();
        inherited["PATH"] = path;
        inherited["HOME"] = workspace.Directory;
        inherited["TMPDIR"] = workspace.Directory;
        inherited["LANG"] = "C.UTF-8";
        if (dotnetRoot is not null)
        {
            inherited["DOTNET_ROOT"] = dotnetRoot;
        }

        inherited["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        inherited["DOTNET_NOLOGO"] = "1";
        // No diagnostics IPC socket: it would be created outside the workspace.
        inherited["DOTNET_EnableDiagnostics"] = "0";
        inherited["DOTNET_GCHeapHardLimit"] = "0x" + limits.MemoryBytes.ToString("X", CultureInfo.InvariantCulture);
        inherited["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in command.Environment)
        {
            inherited[key] = value;
        }
    }
}
