using System.Collections.Immutable;
using Osprey.Bench.Peers;

namespace Osprey.Bench.Throughput;

/// <summary>
/// Measures (a) the Roslyn baseline and (b) a full Osprey scan on the same input, alternating
/// which goes first, each repetition in a fresh child process; optionally times <c>dotnet build</c>
/// with Security Code Scan on a generated project over the same files.
/// </summary>
internal static class ThroughputBenchmark
{
    /// <summary>Runs the measurements.</summary>
    /// <param name="baseline"><c>roslyn</c> (bind the compilations Osprey's loader builds) or <c>roslyn-framework</c> (bind each project folder against the bench's own runtime).</param>
    public static async Task<ThroughputResult> RunAsync(string path, int repeat, string baseline, bool scs, bool local, string workFolder, DateTimeOffset startedAt, TextWriter progress, CancellationToken cancellationToken)
    {
        var input = ThroughputInput.Load(path);
        var result = new ThroughputResult
        {
            Path = Path.GetFullPath(path),
            StartedAt = startedAt,
            Files = input.FileCount,
            Projects = input.Projects.Length,
            Lines = input.Lines,
            Baseline = baseline,
        };
        for (var i = 0; i < repeat; i++)
        {
            // Alternate the order so neither mode always runs with a warm disk cache.
            var osprey = local ? ThroughputChild.OspreyLocalMode : "osprey";
            string[] modes = i % 2 == 0 ? [baseline, osprey] : [osprey, baseline];
            foreach (var mode in modes)
            {
                var sample = await ThroughputChild.MeasureAsync(mode, path, cancellationToken);
                (mode == osprey ? result.Osprey : result.Roslyn).Samples.Add(sample);
                await progress.WriteLineAsync($"run {i + 1}/{repeat} {mode}: {sample.Seconds:0.00} s ({sample.CpuSeconds:0.00} s CPU), peak {sample.PeakWorkingSetBytes / 1048576.0:0} MiB{(sample.Error is null ? "" : $" — {sample.Error}")}");
            }
        }

        Summarise(result.Roslyn, input.Lines);
        Summarise(result.Osprey, input.Lines);
        result.Ratio = result.Roslyn.MedianSeconds > 0 && result.Osprey.MedianSeconds > 0 && result.Osprey.Samples.All(s => s.Error is null)
            ? result.Osprey.MedianSeconds / result.Roslyn.MedianSeconds
            : null;
        if (scs)
        {
            result.Build = await TimeBuildsAsync(input, workFolder, cancellationToken);
        }

        return result;
    }

    /// <summary>Median, peak and lines per second of the successful samples.</summary>
    public static void Summarise(ModeResult mode, long lines)
    {
        var ok = mode.Samples.Where(s => s.Error is null && s.Seconds > 0).ToList();
        mode.MedianSeconds = Median(ok.Select(s => s.Seconds));
        mode.MedianCpuSeconds = Median(ok.Select(s => s.CpuSeconds));
        mode.PeakWorkingSetBytes = mode.Samples.Select(s => s.PeakWorkingSetBytes).DefaultIfEmpty().Max();
        mode.LinesPerSecond = mode.MedianSeconds > 0 ? lines / mode.MedianSeconds : 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<BuildTiming> TimeBuildsAsync(ThroughputInput input, string workFolder, CancellationToken cancellationToken)
    {
        var project = new PeerProject("throughput", "net10.0", [.. input.Projects.SelectMany(p => p)], [], [], []);
        var plainTool = new PeerTool("plain", "no analyzers", [], ImmutableDictionary<string, string>.Empty.Add("EnableNETAnalyzers", "false"), "is_global = true\n", "");
        var plain = await PeerRunner.RunAsync(Path.Combine(workFolder, "plain"), project, plainTool, cancellationToken);
        var scs = await PeerRunner.RunAsync(Path.Combine(workFolder, "scs"), project, PeerTool.SecurityCodeScan, cancellationToken);
        return new BuildTiming(plain.Seconds, scs.Seconds, plain.CpuSeconds, scs.CpuSeconds, [.. plain.Errors, .. scs.Errors]);
    }
}
