using System.Collections.Immutable;
using Osprey.Bench.Cli;
using Osprey.Bench.Commands;
using Osprey.Bench.Reporting;
using Osprey.Native.Fuzzing;
using Osprey.Native.Sandbox;
using Osprey.Native.Toolchain;
using Osprey.Native.Triage;

namespace Osprey.Bench.Native;

/// <summary>
/// <c>native-aixcc --cp &lt;challenge&gt; --source &lt;nginx checkout&gt; --work &lt;dir&gt; [--minutes 20] [--harness-minutes h=10,…] [--harnesses a,b] [--triage-limit 40] [--out &lt;dir&gt;]</c>:
/// builds the challenge's harnesses, replays and triages every proof input, then fuzzes each
/// harness with Osprey's dictionary and seeds and with plain libFuzzer side by side, without the
/// proof inputs, and counts the vulnerabilities each rediscovers. Run it under <c>nice -n 10</c>.
/// </summary>
internal static class NativeAixccCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "cp", "source", "work", "out", "minutes", "harnesses", "triage-limit", "harness-minutes" };

    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var cp = Path.GetFullPath(args.Required("cp"));
        var source = Path.GetFullPath(args.Required("source"));
        var work = Path.GetFullPath(args.Required("work"));
        if (!Directory.Exists(Path.Combine(source, "src", "http")))
        {
            throw new BenchUsageException($"--source '{source}' is not an nginx source tree (no src/http).");
        }

        WorkFolder.EnsureOutside(work, cp);
        WorkFolder.EnsureOutside(work, source);
        var challenge = AixccChallenge.Read(cp);
        var budget = TimeSpan.FromMinutes(args.Int("minutes", 20));
        var startedAt = time.GetUtcNow();
        Directory.CreateDirectory(work);

        var toolchain = await NativeToolchain.DetectAsync(cancellationToken: cancellationToken);
        if (!toolchain.CanFuzz)
        {
            throw new BenchUsageException("native-aixcc needs clang with sanitizers and libFuzzer. " + toolchain.Describe());
        }

        var build = await NginxHarnessBuilder.BuildAsync(challenge, toolchain, source, work, stderr, cancellationToken);
        var sandbox = new NativeSandbox(toolchain, 2560, NginxHarnessBuilder.FindOnPath("setsid"), haltOnUndefinedBehavior: false);
        var reproducer = new CrashReproducer(sandbox, TimeSpan.FromSeconds(60));

        await stderr.WriteLineAsync($"replaying {challenge.Cpvs.Length} proof inputs");
        var povs = await PovReplay.RunAsync(reproducer, challenge, build, work, NginxHarnessBuilder.PrepareRunFolder, cancellationToken);
        var report = new AixccReport(povs, [], challenge.Cpvs.Length, budget, 0, 0);
        await stdout.WriteLineAsync(report.PovTable());

        var matcher = CpvMatcher.For(povs, CpvMatcher.ReadFixedFunctions(challenge));
        if (budget > TimeSpan.Zero)
        {
            await stderr.WriteLineAsync("indexing the build with libclang for Osprey's dictionary");
            var (dictionary, entries, units) = OspreyCampaignInputs.WriteDictionary(build.CompileDatabase, toolchain.ClangMajorVersion, work, cancellationToken);
            var seeds = CampaignSeeds.Collect(work, source, cp);
            await stderr.WriteLineAsync($"dictionary: {entries} entries from {units} translation units; seeds: {seeds.Length}");
            ImmutableArray<CampaignArm> arms = [new("osprey", dictionary, seeds), new("plain", null, [])];
            var campaign = new FuzzCampaign(sandbox);
            var sides = ImmutableArray.CreateBuilder<CampaignSide>();
            foreach (var harness in args.List("harnesses", challenge.Harnesses))
            {
                if (!build.Harnesses.TryGetValue(harness, out var fuzzer))
                {
                    throw new BenchUsageException($"The challenge has no harness '{harness}' (it has {string.Join(", ", challenge.Harnesses)}).");
                }

                var minutes = args.List("harness-minutes", []).Select(h => h.Split('=', 2)).FirstOrDefault(h => h[0] == harness) is { Length: 2 } own
                    ? TimeSpan.FromMinutes(int.Parse(own[1], System.Globalization.CultureInfo.InvariantCulture)) : budget;
                await stderr.WriteLineAsync($"fuzzing {harness} for {minutes.TotalMinutes:0} min, Osprey and plain libFuzzer side by side");
                sides.AddRange(await SideBySideCampaign.RunAsync(campaign, reproducer, matcher.Match, harness, fuzzer, arms, minutes, 2560, args.Int("triage-limit", 40),
                    Path.Combine(work, "campaigns"), NginxHarnessBuilder.PrepareRunFolder, stderr, cancellationToken));
            }

            report = report with { Campaigns = sides.ToImmutable(), DictionaryEntries = entries, SeedCount = seeds.Length };
            await stdout.WriteLineAsync(report.CampaignTable());
        }

        if (args.Optional("out") is { } output)
        {
            BenchJson.Write(Path.Combine(output, "native-aixcc.json"), new
            {
                benchmark = "native-aixcc",
                challenge = cp,
                source,
                startedAt,
                finishedAt = time.GetUtcNow(),
                budgetMinutes = budget.TotalMinutes,
                povs = povs.Select(p => new { p.Cpv.Id, p.Cpv.Harness, p.Cpv.ExpectedSanitizer, p.Reproduced, p.Attempts, kind = p.Report?.Kind, rule = p.Class?.RuleId, cwes = p.Class?.Cwes, severity = p.Class?.Severity, frame = p.Report?.CrashFrame?.Function, file = p.Report?.CrashFrame?.File, line = p.Report?.CrashFrame?.Line, signature = p.Report?.Signature, p.MatchesExpected }),
                campaigns = report.Campaigns.Select(c => new
                {
                    c.Harness, c.Side, c.Seconds, executions = c.Status?.Executions, coverage = c.Status?.Coverage, c.CrashInputs, found = c.Found,
                    crashes = c.Crashes.Select(x => new { x.Report.Kind, x.Class.RuleId, x.Class.Cwes, x.Where, signature = x.Report.Signature, x.Inputs, x.Reproduced, x.Attempts, x.Confirmed, cpv = matcher.Match(x.Report) }),
                }),
                osprey = report.Found("osprey"),
                plain = report.Found("plain"),
                dictionaryEntries = report.DictionaryEntries,
                seeds = report.SeedCount,
            });
            await File.WriteAllTextAsync(Path.Combine(output, "native-aixcc.md"), report.PovTable() + "\n" + (report.Campaigns.IsEmpty ? "" : report.CampaignTable()), cancellationToken);
        }

        return 0;
    }

}
