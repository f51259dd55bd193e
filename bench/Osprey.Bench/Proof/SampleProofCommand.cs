using Osprey.Bench.Reporting;
using Osprey.Bench.Samples;

namespace Osprey.Bench.Proof;

/// <summary><c>samples --verify</c>: proves every sample's findings and reports per ground-truth entry; writes samples-proof.json and .md into --out.</summary>
internal static class SampleProofCommand
{
    public static async Task<int> RunAsync(string path, string? output, DateTimeOffset startedAt, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var folders = File.Exists(Path.Combine(path, SamplesBenchmark.GroundTruthFile))
            ? [path]
            : Directory.EnumerateDirectories(path).Where(d => File.Exists(Path.Combine(d, SamplesBenchmark.GroundTruthFile))).Order(StringComparer.Ordinal).ToList();
        var results = new List<SampleProofResult>();
        foreach (var folder in folders)
        {
            var entries = GroundTruthParser.Parse(await File.ReadAllTextAsync(Path.Combine(folder, SamplesBenchmark.GroundTruthFile), cancellationToken));
            var result = await SampleProofRun.RunAsync(folder, entries, cancellationToken);
            results.Add(result);
            await stderr.WriteLineAsync($"{result.Sample}: {result.Entries.Count(e => e.Vulnerable && e.Status == "Confirmed")}/{result.Entries.Count(e => e.Vulnerable)} Confirmed, {result.Proofs} proofs, scan {result.ScanSeconds:0.0} s, with Verify {result.VerifiedScanSeconds:0.0} s");
        }

        var markdown = SampleProofTables.Render(results);
        if (output is not null)
        {
            Directory.CreateDirectory(output);
            BenchJson.Write(Path.Combine(output, "samples-proof.json"), new { benchmark = "samples --verify", suite = path, startedAt, samples = results });
            await File.WriteAllTextAsync(Path.Combine(output, "samples-proof.md"), markdown, cancellationToken);
        }

        await stdout.WriteAsync(markdown);
        return 0;
    }
}
