using System.Diagnostics;
using Osprey.Bench.Juliet;
using Osprey.Bench.Scoring;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;
using Osprey.CSharp;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.Bench.Proof;

/// <summary>What a proof run covers: cases per CWE (0 = all), the sample's seed, each proof's time limit, proofs run at once.</summary>
internal sealed record JulietProofSettings(int PerCwe, int Seed, TimeSpan Timeout, int Parallel);

/// <summary>
/// Proves one Juliet CWE folder: the C# engine discovers (keeping the loader's compilations), the
/// sample of detected bad cases and every flagged good case are verified together — one shared
/// harness compiled once for the folder's project, each proof in its own sandboxed process — and
/// the outcomes are counted per case.
/// </summary>
internal sealed class JulietProofRun(JulietProofSettings settings, CSharpProofVerifier verifier)
{
    public async Task<ProofTally> RunAsync(JulietCweFolder folder, CancellationToken cancellationToken)
    {
        var cases = JulietCaseGrouper.Group(folder.Cwe, folder.SourceFiles());
        var classifier = new JulietFindingClassifier(cases);
        var accepted = AcceptedCwes.For(folder.Cwe);
        var target = ScanTarget.TryCreate(folder.Path, out var error) ?? throw new Cli.BenchUsageException(error ?? $"Cannot scan '{folder.Path}'.");
        var options = ScanOptions.Default with { Verify = true, VerifyTimeout = settings.Timeout, VerifyParallelism = settings.Parallel, ThreatModels = ScanOptions.AllThreatModels };
        var context = new ScanContext(target, options);
        var tally = new ProofTally { Cases = cases.Length };

        var clock = Stopwatch.StartNew();
        var recon = new ReconResult { Files = SourceInventory.Enumerate(target, options, context.Report, cancellationToken) };
        await new CSharpEngine().DiscoverAsync(context, recon, cancellationToken);
        tally.ScanSeconds = clock.Elapsed.TotalSeconds;

        var classified = context.ReportedFindings
            .Where(f => f.Cwes.Any(accepted.Contains))
            .DistinctBy(f => (f.RuleId, string.Join('|', f.Trace.Select(s => s.Location.ToString()))))
            .Select(f => classifier.Classify(f, target.RootDirectory))
            .OfType<ClassifiedFinding>()
            .ToList();
        var badByCase = classified.Where(c => c.Kind == RegionKind.Bad).GroupBy(c => c.Case.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var goodByCase = classified.Where(c => c.Kind == RegionKind.Good).GroupBy(c => c.Case.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        tally.BadDetected = badByCase.Count;
        tally.GoodFlagged = goodByCase.Count;
        var sample = JulietProofSample.Select([.. cases.Where(c => badByCase.ContainsKey(c.Name))], settings.PerCwe, settings.Seed);
        var toVerify = badByCase.Where(p => sample.Contains(p.Key)).SelectMany(p => p.Value).Concat(goodByCase.Values.SelectMany(v => v)).ToList();

        clock.Restart();
        var verifications = await verifier.VerifyAllAsync(context, [.. toVerify.Select(c => c.Finding)], cancellationToken);
        tally.VerifySeconds = clock.Elapsed.TotalSeconds;
        tally.Proofs = verifications.Count;
        tally.ProofSeconds.AddRange(verifications.Select(v => v.Duration.TotalSeconds));

        var results = toVerify.Zip(verifications).ToList();
        foreach (var group in results.Where(r => r.First.Kind == RegionKind.Bad).GroupBy(r => r.First.Case.Name))
        {
            tally.BadVerified++;
            var caseVerifications = group.Select(r => r.Second).ToList();
            Count(tally, caseVerifications, bad: true, defect: false, group.Key);
            if (group.All(r => r.First.IsJulietUnreachableBad) && caseVerifications.All(v => v.Status == VerificationStatus.Unverified
                && (v.Reason ?? "").Contains("NullReferenceException", StringComparison.Ordinal)))
            {
                tally.BadUnreachableJulietDefect++;
            }
        }

        foreach (var group in results.Where(r => r.First.Kind == RegionKind.Good).GroupBy(r => r.First.Case.Name))
        {
            Count(tally, group.Select(r => r.Second).ToList(), bad: false, defect: group.Where(r => r.Second.Status == VerificationStatus.Confirmed).All(r => r.First.IsJulietDefect), group.Key);
        }

        return tally;
    }

    private static void Count(ProofTally tally, List<Verification> verifications, bool bad, bool defect, string caseName)
    {
        if (verifications.Any(v => v.Status == VerificationStatus.Confirmed))
        {
            if (bad)
            {
                tally.BadConfirmed++;
            }
            else if (defect)
            {
                tally.GoodConfirmedJulietDefect++;
            }
            else
            {
                tally.GoodConfirmed++;
                tally.GoodConfirmedExamples.Add(caseName + ": " + verifications.First(v => v.Status == VerificationStatus.Confirmed).Proof?.Explanation);
            }

            return;
        }

        var refuted = verifications.FirstOrDefault(v => v.Status == VerificationStatus.Refuted);
        var reasons = refuted is null ? tally.UnverifiedReasons : tally.RefutedReasons;
        var reason = ReasonKinds.Of((refuted ?? verifications[0]).Reason);
        reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
        tally.ReasonExamples.TryAdd(reason, caseName + ": " + (refuted ?? verifications[0]).Reason);
        if (bad && refuted is not null)
        {
            tally.BadRefuted++;
        }
        else if (bad)
        {
            tally.BadUnverified++;
        }
        else if (refuted is not null)
        {
            tally.GoodRefuted++;
        }
        else
        {
            tally.GoodUnverified++;
        }
    }
}
