using System.Collections.Immutable;
using System.Globalization;
using Osprey.Native.Fuzzing;
using Osprey.Native.Triage;

namespace Osprey.Bench.Native;

/// <summary>One side of a side-by-side run: what its campaign reached and which vulnerabilities its crashes are.</summary>
/// <param name="Side"><c>osprey</c> (Osprey's dictionary and seeds) or <c>plain</c> (libFuzzer alone).</param>
/// <param name="Harness">The harness fuzzed.</param>
/// <param name="Status">libFuzzer's last status line, or null.</param>
/// <param name="Seconds">How long the campaign ran.</param>
/// <param name="CrashInputs">Crashing inputs libFuzzer saved.</param>
/// <param name="Crashes">The distinct crashes among them.</param>
/// <param name="Found">The challenge vulnerabilities the confirmed crashes are, by id.</param>
internal sealed record CampaignSide(string Side, string Harness, FuzzStatus? Status, double Seconds, int CrashInputs, ImmutableArray<DistinctCrash> Crashes, ImmutableArray<string> Found);

/// <summary>What one side of a run gets: its name, dictionary and seeds.</summary>
/// <param name="Name">The side's name.</param>
/// <param name="Dictionary">A libFuzzer dictionary, or null.</param>
/// <param name="Seeds">Seed inputs.</param>
internal sealed record CampaignArm(string Name, string? Dictionary, IReadOnlyList<string> Seeds);

/// <summary>
/// Fuzzes one harness with several arms at the same time, one libFuzzer process each (fork mode
/// with one worker, so a campaign keeps going past a crash), for the same wall-clock budget; then
/// groups each arm's crashes and maps the confirmed ones to the known vulnerabilities. Running the
/// arms together means both see the same machine load. <c>prepare</c> creates each arm's working
/// folder with whatever the target expects to find there.
/// </summary>
internal static class SideBySideCampaign
{
    public static async Task<ImmutableArray<CampaignSide>> RunAsync(FuzzCampaign campaign, CrashReproducer reproducer, Func<SanitizerReport, string?> match,
        string harness, string fuzzer, IReadOnlyList<CampaignArm> arms, TimeSpan budget, int rssLimitMb, int triageLimit, string work, Action<string> prepare, TextWriter log, CancellationToken cancellationToken)
    {
        var runs = arms.Select(async arm =>
        {
            var folder = Path.Combine(work, harness, arm.Name);
            prepare(folder);
            var lastPrinted = 0L;
            var result = await campaign.RunAsync(fuzzer, new FuzzCampaignSettings(budget, 1, rssLimitMb, arm.Dictionary, arm.Seeds, KeepGoing: true), folder,
                status =>
                {
                    var now = Environment.TickCount64;
                    if (now - Interlocked.Read(ref lastPrinted) >= 60_000)
                    {
                        Interlocked.Exchange(ref lastPrinted, now);
                        lock (log)
                        {
                            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {harness} {arm.Name}: {status.Executions} execs, {status.ExecsPerSecond} exec/s, cov {status.Coverage}, crashes {status.Crashes}"));
                        }
                    }
                },
                cancellationToken);
            return (Arm: arm, Result: result, Folder: folder);
        }).ToList();

        var sides = ImmutableArray.CreateBuilder<CampaignSide>();
        foreach (var (arm, result, folder) in await Task.WhenAll(runs))
        {
            var crashes = await CrashSignatures.GroupAsync(reproducer, harness, fuzzer, result.CrashInputs, folder, triageLimit, cancellationToken);
            var found = crashes.Where(c => c.Confirmed).Select(c => match(c.Report)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
            sides.Add(new CampaignSide(arm.Name, harness, result.LastStatus, result.Duration.TotalSeconds, result.CrashInputs.Length, crashes, found));
        }

        return sides.ToImmutable();
    }
}
