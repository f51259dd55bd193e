using System.Text.Json;
using Osprey.Bench.Cli;
using Osprey.Bench.Juliet;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.Bench.Proof;

/// <summary>
/// <c>juliet-cs --verify --path &lt;checkout&gt; [--cwe 78,89] [--verify-sample N] [--seed S] [--verify-timeout SECONDS] [--verify-parallel N] --out &lt;dir&gt;</c>:
/// proves Osprey's Juliet findings on the injection CWEs and writes juliet-cs-proof.json and .md.
/// </summary>
internal static class JulietProofCommand
{
    /// <summary>The options this mode adds to <c>juliet-cs</c>.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "verify-sample", "seed", "verify-timeout", "verify-parallel" };

    /// <summary>The default cases per CWE: the stratified minimum plus a few, which keeps a run of all injection CWEs near half an hour on two cores.</summary>
    public const int DefaultPerCwe = 40;

    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var suite = JulietSuite.Locate(args.Required("path"));
        var output = args.Required("out");
        var cwes = Commands.JulietCommand.Cwes(args, "cwe") ?? [.. JulietSettings.InjectionCwes];
        var settings = new JulietProofSettings(
            args.Int("verify-sample", DefaultPerCwe),
            args.Int("seed", 20261129),
            TimeSpan.FromSeconds(args.Int("verify-timeout", 30)),
            args.Int("verify-parallel", 2));
        var verifier = new CSharpProofVerifier(new ProofOptions());
        var report = new JulietProofReport
        {
            Suite = suite.TestCases,
            StartedAt = time.GetUtcNow(),
            Sampling = settings.PerCwe == 0
                ? "Every detected bad case and every flagged good case is verified."
                : $"Seeded random ({settings.Seed}) stratified sample of the detected bad cases: up to {settings.PerCwe} per CWE, every source at least once and that many distinct flow variants (every variant once the sample reaches their count), each drawn at random within its variant and source; every flagged good case is verified.",
            Sandbox = verifier.SandboxWarnings.Count == 0 ? "complete (bubblewrap: no network, read-only file system, pids cgroup)" : string.Join(" ", verifier.SandboxWarnings),
            TimeoutSeconds = settings.Timeout.TotalSeconds,
            Parallel = settings.Parallel,
        };
        Directory.CreateDirectory(output);
        var run = new JulietProofRun(settings, verifier);
        foreach (var folder in suite.CweFolders(cwes.ToHashSet()).OrderBy(f => cwes.ToList().IndexOf(f.Cwe)))
        {
            var tally = await run.RunAsync(folder, cancellationToken);
            report.Cwes[folder.Cwe.ToString(System.Globalization.CultureInfo.InvariantCulture)] = tally;
            await stderr.WriteLineAsync(
                $"CWE-{folder.Cwe}: {tally.BadConfirmed}/{tally.BadVerified} bad Confirmed ({tally.BadRefuted} Refuted, {tally.BadUnverified} Unverified), good {tally.GoodConfirmed} Confirmed + {tally.GoodConfirmedJulietDefect} defect of {tally.GoodFlagged} flagged, {tally.Proofs} proofs, median {tally.MedianProofSeconds:0.00} s, verify {tally.VerifySeconds:0} s, scan {tally.ScanSeconds:0} s");
            Write(output, report);
        }

        await stdout.WriteAsync(Write(output, report));
        return 0;
    }

    private static string Write(string output, JulietProofReport report)
    {
        File.WriteAllText(Path.Combine(output, "juliet-cs-proof.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        var markdown = ProofTables.Render(report);
        File.WriteAllText(Path.Combine(output, "juliet-cs-proof.md"), markdown);
        return markdown;
    }
}
