using Osprey.Bench.InProcess;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Samples;

/// <summary>Scans every <c>samples/*</c> folder that has a GROUND_TRUTH.md and scores Osprey against it.</summary>
internal static class SamplesBenchmark
{
    /// <summary>The ground-truth file name.</summary>
    public const string GroundTruthFile = "GROUND_TRUTH.md";

    /// <summary>Scores each sample under <paramref name="samplesFolder"/> (or that folder itself, when it is one sample).</summary>
    public static async Task<List<SampleScore>> RunAsync(string samplesFolder, TextWriter progress, CancellationToken cancellationToken)
    {
        var folders = File.Exists(Path.Combine(samplesFolder, GroundTruthFile))
            ? [samplesFolder]
            : Directory.EnumerateDirectories(samplesFolder).Where(d => File.Exists(Path.Combine(d, GroundTruthFile))).Order(StringComparer.Ordinal).ToList();
        if (folders.Count == 0)
        {
            throw new Cli.BenchUsageException($"No {GroundTruthFile} in '{samplesFolder}' or its subfolders.");
        }

        var scores = new List<SampleScore>();
        foreach (var folder in folders)
        {
            var entries = GroundTruthParser.Parse(await File.ReadAllTextAsync(Path.Combine(folder, GroundTruthFile), cancellationToken));
            var run = await OspreyScanner.ScanAsync(folder, verify: false, cancellationToken);
            scores.Add(Score(Path.GetFileName(folder), folder, entries, run.Findings, run.Seconds, run.Errors));
            await progress.WriteLineAsync($"{Path.GetFileName(folder)}: {scores[^1].Found}/{scores[^1].Vulnerabilities} found, {scores[^1].FalseAlarms.Count}/{scores[^1].Safe} false alarms, {run.Seconds:0.0} s");
        }

        return scores;
    }

    /// <summary>Matches <paramref name="findings"/> against <paramref name="entries"/>.</summary>
    public static SampleScore Score(string name, string folder, IReadOnlyList<GroundTruthEntry> entries, IReadOnlyList<ToolFinding> findings, double seconds, IEnumerable<string> errors)
    {
        var matcher = new GroundTruthMatcher(folder);
        var results = entries.Select(e =>
        {
            var matching = findings.Where(f => matcher.Matches(e, f)).ToList();
            return new EntryResult(e, matching.Count > 0, [.. matching.Select(f => f.RuleId).Distinct()]);
        }).ToList();
        var other = findings.Count(f => !entries.Any(e => matcher.Matches(e, f)));
        return new SampleScore
        {
            Sample = name,
            Vulnerabilities = results.Count(r => r.Entry.Vulnerable),
            Found = results.Count(r => r.Entry.Vulnerable && r.Reported),
            Missed = [.. results.Where(r => r.Entry.Vulnerable && !r.Reported).Select(r => r.Entry.Id)],
            Safe = results.Count(r => !r.Entry.Vulnerable),
            FalseAlarms = [.. results.Where(r => !r.Entry.Vulnerable && r.Reported).Select(r => r.Entry.Id)],
            OtherFindings = other,
            Seconds = seconds,
            Errors = [.. errors],
            Entries = results,
        };
    }
}
