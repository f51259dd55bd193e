using System.Globalization;
using Osprey.Bench.Abuse;
using Osprey.Bench.Cli;
using Osprey.Bench.Reporting;

namespace Osprey.Bench.Commands;

/// <summary><c>abuse-sim [--seed 1] [--history-days 14] [--fingerprint-trials 200] [--repo .] [--skip-traffic] [--out &lt;dir&gt;]</c></summary>
internal static class AbuseSimCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "seed", "history-days", "fingerprint-trials", "repo", "skip-traffic", "out" };

    /// <summary>Runs the traffic simulation against a server on loopback, then the fingerprint measurement; prints both tables.</summary>
    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var seed = int.Parse(args.Optional("seed") ?? "1", CultureInfo.InvariantCulture);
        var historyDays = int.Parse(args.Optional("history-days") ?? "14", CultureInfo.InvariantCulture);
        var trials = int.Parse(args.Optional("fingerprint-trials") ?? "200", CultureInfo.InvariantCulture);
        var repository = Path.GetFullPath(args.Optional("repo") ?? ".");
        if (!Directory.Exists(Path.Combine(repository, "docs")) || !Directory.Exists(Path.Combine(repository, "src")))
        {
            throw new BenchUsageException($"--repo '{repository}' is not the Osprey repository (it needs docs/ and src/ for the unrelated-text samples).");
        }

        if (historyDays < 7)
        {
            throw new BenchUsageException("--history-days must be at least 7: the distribution test needs a history of 30 submissions.");
        }

        var startedAt = time.GetUtcNow();
        AbuseSimResult? traffic = null;
        if (!args.Flag("skip-traffic"))
        {
            traffic = await AbuseSimulation.RunAsync(seed, historyDays, stderr, cancellationToken);
            await stdout.WriteAsync(traffic.Render());
            await stdout.WriteLineAsync();
        }

        var (rows, falseRows) = FingerprintAccuracy.Run(repository, seed, trials);
        await stdout.WriteAsync(FingerprintAccuracy.Render(rows, falseRows));
        if (args.Optional("out") is { } output)
        {
            BenchJson.Write(Path.Combine(output, "abuse-sim.json"), new { benchmark = "abuse-sim", startedAt, traffic, fingerprint = new { rows, falseAttribution = falseRows } });
            await File.WriteAllTextAsync(Path.Combine(output, "abuse-sim.md"), (traffic?.Render() + "\n" ?? "") + FingerprintAccuracy.Render(rows, falseRows), cancellationToken);
        }

        return traffic is null || traffic.GoalMet ? 0 : 1;
    }
}
