using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Osprey.Bench.Reporting;

namespace Osprey.Bench.Throughput;

/// <summary>
/// The hidden <c>throughput-child</c> subcommand: runs one mode once in this (fresh) process and
/// prints a <see cref="ThroughputSample"/> as JSON, so peak memory belongs to that mode alone.
/// </summary>
internal static class ThroughputChild
{
    /// <summary>The subcommand name.</summary>
    public const string Command = "throughput-child";

    /// <summary>The Osprey scan with local sources counting too (<c>throughput --local</c>).</summary>
    public const string OspreyLocalMode = "osprey-local";

    /// <summary>Runs <paramref name="mode"/> on <paramref name="path"/> and writes the sample to <paramref name="stdout"/>.</summary>
    public static async Task<int> RunAsync(string mode, string path, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var runtimeBefore = RuntimeCost.Now();
        var clock = Stopwatch.StartNew();
        int output;
        string? error = null;
        ImmutableSortedDictionary<string, double>? stages = null;
        ImmutableSortedDictionary<string, long>? statistics = null;
        ImmutableArray<string>? unresolved = null;
        switch (mode)
        {
            case "roslyn":
                var baseline = LoaderBaseline.Run(path, cancellationToken);
                (output, stages, statistics, unresolved) = (baseline.Diagnostics, baseline.Stages, baseline.Statistics, baseline.Unresolved);
                break;
            case "roslyn-framework":
                output = RoslynBaseline.Run(ThroughputInput.Load(path), cancellationToken);
                break;
            case "osprey" or OspreyLocalMode:
                var scan = await StagedOspreyScan.RunAsync(path, mode == OspreyLocalMode, cancellationToken);
                (output, stages, statistics) = (scan.Findings, scan.Stages, scan.Statistics);
                unresolved = scan.LoadSummary is null ? [] : [scan.LoadSummary];
                error = scan.Errors.IsEmpty ? null : string.Join("; ", scan.Errors);
                break;
            default:
                throw new Cli.BenchUsageException($"Unknown throughput mode '{mode}': use roslyn, roslyn-framework, osprey or osprey-local.");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var sample = new ThroughputSample(mode, seconds, PeakMemory.Bytes(), output, error, (self.TotalProcessorTime - cpuBefore).TotalSeconds, stages, statistics, unresolved, RuntimeCost.Now().Since(runtimeBefore));
        await stdout.WriteLineAsync(JsonSerializer.Serialize(sample, BenchJson.Options).ReplaceLineEndings(" "));
        return 0;
    }

    /// <summary>Starts a child of this bench for <paramref name="mode"/> and reads its sample.</summary>
    public static async Task<ThroughputSample> MeasureAsync(string mode, string path, CancellationToken cancellationToken)
    {
        var info = SelfInvocation();
        info.ArgumentList.Add(Command);
        info.ArgumentList.Add("--mode");
        info.ArgumentList.Add(mode);
        info.ArgumentList.Add("--path");
        info.ArgumentList.Add(path);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the bench as a child process.");
        var stdoutTask = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderrTask = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = await stdoutTask;
        var errors = await stderrTask;
        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || last is null)
        {
            return new ThroughputSample(mode, 0, 0, 0, $"child exited {process.ExitCode}: {errors.Trim()}");
        }

        return JsonSerializer.Deserialize<ThroughputSample>(last, BenchJson.Options)
            ?? new ThroughputSample(mode, 0, 0, 0, "child printed no sample");
    }

    private static ProcessStartInfo SelfInvocation()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The bench cannot find its own executable.");
        var info = new ProcessStartInfo(host);
        // Under `dotnet Osprey.Bench.dll` (or dotnet run) the host is dotnet itself: pass the entry assembly.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ThroughputChild).Assembly.Location);
        }

        return info;
    }
}
