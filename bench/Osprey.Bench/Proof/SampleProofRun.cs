using System.Diagnostics;
using Osprey.Bench.InProcess;
using Osprey.Bench.Samples;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.Bench.Proof;

/// <summary>What the Verify stage concluded for one ground-truth entry: the best status of the findings that match it, and its proof or reason.</summary>
internal sealed record EntryProof(string Id, string Cwe, bool Vulnerable, bool Reported, string Status, string Detail, string? Replay, double Seconds);

/// <summary>One sample scanned twice — without and with Verify — so the cost of proving is measured, and each ground-truth entry's proof outcome.</summary>
internal sealed record SampleProofResult(string Sample, double ScanSeconds, double VerifiedScanSeconds, int Proofs, double MedianProofSeconds, List<EntryProof> Entries, List<string> Warnings);

/// <summary>Scans a sample with Osprey's pipeline and the C# proof verifier and reports, per ground-truth entry, Confirmed (with the replay), Refuted or Unverified (with the reason).</summary>
internal static class SampleProofRun
{
    public static async Task<SampleProofResult> RunAsync(string folder, IReadOnlyList<GroundTruthEntry> entries, CancellationToken cancellationToken)
    {
        var target = ScanTarget.TryCreate(folder, out var error) ?? throw new Cli.BenchUsageException(error ?? $"Cannot scan '{folder}'.");
        var plain = await ScanAsync(target, verify: false, null, cancellationToken);
        var verifier = new CSharpProofVerifier(new ProofOptions());
        var verified = await ScanAsync(target, verify: true, verifier, cancellationToken);
        var matcher = new GroundTruthMatcher(folder);
        var findings = verified.Report.Findings.Select(f => (Finding: f, Tool: OspreyScanner.ToToolFinding(f, target.RootDirectory))).ToList();
        var results = entries.Select(entry =>
        {
            var matching = findings.Where(f => matcher.Matches(entry, f.Tool)).Select(f => f.Finding).ToList();
            var best = matching.OrderBy(f => f.Verification.Status switch { VerificationStatus.Confirmed => 0, VerificationStatus.Refuted => 1, _ => 2 }).FirstOrDefault();
            return best is null
                ? new EntryProof(entry.Id, entry.Cwe.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Vulnerable, false, "not reported", "", null, 0)
                : new EntryProof(entry.Id, entry.Cwe.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Vulnerable, true, best.Verification.Status.ToString(),
                    best.Verification.Proof is { } proof ? $"{proof.EntryPoint} ← {proof.Payload}: {proof.Explanation}" : best.Verification.Reason ?? "",
                    best.Verification.Proof?.Replay?.Content, best.Verification.Duration.TotalSeconds);
        }).ToList();
        var durations = verified.Report.Findings.Where(f => f.Verification.Verifier is not null).Select(f => f.Verification.Duration.TotalSeconds).ToList();
        return new SampleProofResult(Path.GetFileName(folder), plain.Seconds, verified.Seconds, durations.Count, ProofTally.Median(durations), results, [.. verifier.SandboxWarnings]);
    }

    private static async Task<(ScanReport Report, double Seconds)> ScanAsync(ScanTarget target, bool verify, IVerifier? verifier, CancellationToken cancellationToken)
    {
        var pipeline = new ScanPipeline([new CSharpEngine()], verifiers: verifier is null ? null : [verifier]);
        var clock = Stopwatch.StartNew();
        var report = await pipeline.RunAsync(target, ScanOptions.Default with { Verify = verify }, cancellationToken: cancellationToken);
        return (report, clock.Elapsed.TotalSeconds);
    }
}
