using System.Diagnostics;

namespace Osprey.Bench.Peers;

/// <summary>The end of a child process: its exit code and how long it ran.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="TimedOut">Whether the process was killed at the time limit.</param>
/// <param name="CpuSeconds">CPU seconds of the process and its descendants; null where not measurable.</param>
internal sealed record ProcessResult(int ExitCode, double Seconds, bool TimedOut, double? CpuSeconds = null);

/// <summary>Runs a tool (dotnet) as a child process, logging its output to a file.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; kills it (and only it, with its children) after <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, string logPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Keep the CLI quiet and self-contained: no telemetry, no first-run banner, no MSBuild node reuse.
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        var cpuBefore = ChildCpuTime.Total();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        await using var log = new StreamWriter(logPath, append: true);
        var output = PumpAsync(process.StandardOutput, log);
        var error = PumpAsync(process.StandardError, log);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            timedOut = !cancellationToken.IsCancellationRequested;
            cancellationToken.ThrowIfCancellationRequested();
        }

        await Task.WhenAll(output, error);
        var seconds = clock.Elapsed.TotalSeconds;
        // Children are reaped one at a time here, so the growth of RUSAGE_CHILDREN is this process tree's.
        var cpu = ChildCpuTime.Total() - cpuBefore;
        return new ProcessResult(process.ExitCode, seconds, timedOut, cpu);
    }

    private static async Task PumpAsync(StreamReader reader, StreamWriter log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
