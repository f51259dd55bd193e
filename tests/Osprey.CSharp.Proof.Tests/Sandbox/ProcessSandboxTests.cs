using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Osprey.CSharp.Proof.Sandbox;

namespace Osprey.CSharp.Proof.Tests.Sandbox;

public sealed class ProcessSandboxTests(MisbehavingProgram program) : IClassFixture<MisbehavingProgram>
{
    private static readonly ProcessSandbox Sandbox = new();

    private static readonly SandboxLimits Limits = new()
    {
        WallClock = TimeSpan.FromSeconds(20),
        MemoryBytes = 192L * 1024 * 1024,
    };

    private async Task<(SandboxResult Result, string Workspace)> RunAsync(SandboxLimits limits, params string[] arguments)
    {
        using var workspace = SandboxWorkspace.Create();
        program.CopyTo(workspace.Directory);
        var command = new SandboxCommand { Program = "dotnet", Arguments = ["harness.dll", .. arguments] };
        var result = await Sandbox.RunAsync(workspace, command, limits);
        return (result, workspace.Directory);
    }

    [Fact]
    public void Detect_OnThisMachine_FindsBubblewrapAndAPidsCgroup()
    {
        Assert.Equal(SandboxIsolation.Bubblewrap, Sandbox.Capabilities.Isolation);
        Assert.NotNull(Sandbox.Capabilities.PidsCgroup);
        Assert.Empty(Sandbox.Capabilities.Warnings);
    }

    [Fact]
    public async Task RunAsync_WellBehavedHarness_RunsInItsWorkspaceWhichIsDeletedAfter()
    {
        var (result, workspace) = await RunAsync(Limits, "hello");

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal($"hello from {workspace}", result.StandardOutput.Trim());
        Assert.False(Directory.Exists(workspace));
    }

    [Fact]
    public async Task RunAsync_HarnessConnectsToLoopbackListener_IsBlockedAndNoConnectionArrives()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (result, _) = await RunAsync(Limits, "connect", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.False(result.Succeeded);
        Assert.Contains("SocketException", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("connected", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(listener.Pending());
        Assert.NotNull(result.FailureReason);
    }

    [Fact]
    public async Task RunAsync_HarnessWritesOutsideItsWorkspace_IsBlockedAndTheHostFileIsUntouched()
    {
        var hostFile = Path.Combine(Path.GetTempPath(), "osprey-host-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(hostFile, "original");
        try
        {
            var (result, _) = await RunAsync(Limits, "write", hostFile);

            Assert.False(result.Succeeded);
            Assert.Contains("Read-only file system", result.StandardError, StringComparison.Ordinal);
            Assert.Equal("original", await File.ReadAllTextAsync(hostFile));
        }
        finally
        {
            File.Delete(hostFile);
        }
    }

    [Fact]
    public async Task RunAsync_ForkBomb_IsStoppedAtTheProcessLimitAndLeavesNoProcessBehind()
    {
        var (result, _) = await RunAsync(Limits with { MaxProcesses = 64 }, "forkbomb");

        Assert.Equal(SandboxOutcome.ProcessLimitExceeded, result.Outcome);
        Assert.Contains("process limit", result.FailureReason, StringComparison.Ordinal);
        Assert.Empty(ProcessesWithArgument("31337"));
    }

    [Fact]
    public async Task RunAsync_InfiniteLoop_IsKilledAtTheWallClockLimit()
    {
        var (result, _) = await RunAsync(Limits with { WallClock = TimeSpan.FromSeconds(2) }, "loop");

        Assert.Equal(SandboxOutcome.TimedOut, result.Outcome);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        Assert.Contains("was killed", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnboundedAllocation_IsStoppedAtTheMemoryLimit()
    {
        var (result, _) = await RunAsync(Limits, "allocate");

        Assert.Equal(SandboxOutcome.MemoryExceeded, result.Outcome);
        Assert.Contains("memory limit", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingProgram_ReportsTheFailureWithoutThrowing()
    {
        using var workspace = SandboxWorkspace.Create();
        var command = new SandboxCommand { Program = "/nonexistent/osprey-harness", Arguments = ImmutableArray<string>.Empty };

        var result = await Sandbox.RunAsync(workspace, command, Limits);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.FailureReason);
    }

    private static List<int> ProcessesWithArgument(string marker)
    {
        var found = new List<int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (commandLine.Contains("sleep\0" + marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }
}
