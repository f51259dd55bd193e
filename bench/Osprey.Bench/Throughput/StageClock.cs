using System.Collections.Concurrent;
using System.Diagnostics;
using Osprey.Core.Pipeline;

namespace Osprey.Bench.Throughput;

/// <summary>
/// Listens to a scan's progress and remembers when each kind of message first and last arrived,
/// so the wall time of the pipeline's stages can be told apart without changing the engine.
/// Reports arrive synchronously on the reporting thread (unlike <see cref="Progress{T}"/>).
/// </summary>
internal sealed class StageClock : IProgress<ScanProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, (double First, double Last)> _marks = new(StringComparer.Ordinal);

    /// <summary>Seconds since the clock started.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    /// <inheritdoc />
    public void Report(ScanProgress value) => Mark(KeyOf(value));

    /// <summary>Records that <paramref name="key"/> happened now.</summary>
    public void Mark(string key)
    {
        var now = Now;
        _marks.AddOrUpdate(key, (now, now), (_, old) => (old.First, now));
    }

    /// <summary>When <paramref name="key"/> first happened, in seconds since the start; null if never.</summary>
    public double? First(string key) => _marks.TryGetValue(key, out var m) ? m.First : null;

    /// <summary>When <paramref name="key"/> last happened, in seconds since the start; null if never.</summary>
    public double? Last(string key) => _marks.TryGetValue(key, out var m) ? m.Last : null;

    /// <summary>
    /// The message kinds the bench tells apart: the file listing, the project loader's running
    /// count, the engine's start and end, triage and the end of the scan.
    /// </summary>
    public static string KeyOf(ScanProgress progress) => progress.Phase switch
    {
        ScanPhase.Recon when progress.Message?.StartsWith("loaded ", StringComparison.Ordinal) == true => "load",
        ScanPhase.Recon => "files",
        ScanPhase.Discover when progress.Message == "started" => "discover-start",
        ScanPhase.Discover when progress.Message == "finished" => "discover-end",
        ScanPhase.Discover when progress.Message?.StartsWith("loaded ", StringComparison.Ordinal) == true => "load",
        ScanPhase.Discover => "analysed",
        _ => progress.Phase.ToString().ToLowerInvariant(),
    };
}
