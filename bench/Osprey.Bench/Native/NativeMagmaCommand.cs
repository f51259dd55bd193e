using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Osprey.Bench.Cli;
using Osprey.Bench.Commands;
using Osprey.Bench.Reporting;
using Osprey.Native.Fuzzing;
using Osprey.Native.Sandbox;
using Osprey.Native.Toolchain;
using Osprey.Native.Triage;

namespace Osprey.Bench.Native;

/// <summary>
/// <c>native-magma --magma &lt;Magma checkout&gt; --libpng &lt;libpng checkout at Magma's commit&gt; --work &lt;dir&gt; [--minutes 10] [--out &lt;dir&gt;]</c>:
/// builds Magma's libpng target with its bug canaries, fuzzes the read harness with Osprey's
/// dictionary and seeds and with plain libFuzzer side by side for the same budget, and reports
/// the bugs each reached and triggered, and the crashes each found. Run it under <c>nice -n 10</c>.
/// </summary>
internal static class NativeMagmaCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "magma", "libpng", "work", "out", "minutes", "triage-limit" };

    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var magma = Path.GetFullPath(args.Required("magma"));
        var libpng = Path.GetFullPath(args.Required("libpng"));
        var work = Path.GetFullPath(args.Required("work"));
        if (!Directory.Exists(Path.Combine(magma, "targets", "libpng", "patches")))
        {
            throw new BenchUsageException($"--magma '{magma}' has no targets/libpng/patches: it is not a Magma checkout.");
        }

        if (!File.Exists(Path.Combine(libpng, "pngrutil.c")))
        {
            throw new BenchUsageException($"--libpng '{libpng}' is not a libpng source tree (no pngrutil.c).");
        }

        WorkFolder.EnsureOutside(work, magma);
        WorkFolder.EnsureOutside(work, libpng);
        var budget = TimeSpan.FromMinutes(args.Int("minutes", 10));
        var startedAt = time.GetUtcNow();
        var toolchain = await NativeToolchain.DetectAsync(cancellationToken: cancellationToken);
        if (!toolchain.CanFuzz)
        {
            throw new BenchUsageException("native-magma needs clang with sanitizers and libFuzzer. " + toolchain.Describe());
        }

        var build = await MagmaLibpngBuilder.BuildAsync(toolchain, magma, libpng, work, stderr, cancellationToken);
        if (budget <= TimeSpan.Zero)
        {
            await stdout.WriteLineAsync($"built {build.Fuzzer} with {build.Bugs.Length} bugs; --minutes 0: no campaigns");
            return 0;
        }

        await stderr.WriteLineAsync("indexing libpng with libclang for Osprey's dictionary");
        var (dictionary, entries, units) = OspreyCampaignInputs.WriteDictionary(build.CompileDatabase, toolchain.ClangMajorVersion, work, cancellationToken);
        var seeds = CampaignSeeds.Collect(work, libpng);
        await stderr.WriteLineAsync($"dictionary: {entries} entries from {units} translation units; seeds: {seeds.Length}");

        var sandbox = new NativeSandbox(toolchain, 2560, NginxHarnessBuilder.FindOnPath("setsid"));
        var reproducer = new CrashReproducer(sandbox, TimeSpan.FromSeconds(30));
        await stderr.WriteLineAsync($"fuzzing libpng_read_fuzzer for {budget.TotalMinutes:0} min, Osprey and plain libFuzzer side by side");
        var campaigns = Path.Combine(work, "campaigns");
        var sides = await SideBySideCampaign.RunAsync(new FuzzCampaign(sandbox), reproducer, _ => null, "libpng_read_fuzzer", build.Fuzzer,
            [new CampaignArm("osprey", dictionary, seeds), new CampaignArm("plain", null, [])], budget, 2560, args.Int("triage-limit", 40), campaigns, folder => Directory.CreateDirectory(folder), stderr, cancellationToken);
        var rows = new List<(CampaignSide Side, CanaryHits Hits)>();
        foreach (var side in sides)
        {
            var folder = Path.Combine(campaigns, side.Harness, side.Side);
            var hits = await MagmaCanaryLog.ReplayAsync(sandbox, build.Fuzzer, Path.Combine(folder, "corpus"), side.Crashes.Select(c => c.Input), folder, cancellationToken);
            rows.Add((side, hits));
        }

        var table = Render(rows, build.Bugs, entries, seeds.Length);
        await stdout.WriteAsync(table);
        if (args.Optional("out") is { } output)
        {
            BenchJson.Write(Path.Combine(output, "native-magma.json"), new
            {
                benchmark = "native-magma",
                target = "libpng",
                startedAt,
                finishedAt = time.GetUtcNow(),
                budgetMinutes = budget.TotalMinutes,
                bugs = build.Bugs,
                dictionaryEntries = entries,
                seeds = seeds.Length,
                sides = rows.Select(r => new
                {
                    r.Side.Side, r.Side.Seconds, executions = r.Side.Status?.Executions, coverage = r.Side.Status?.Coverage, r.Side.CrashInputs,
                    reached = r.Hits.Reached, triggered = r.Hits.Triggered,
                    crashes = r.Side.Crashes.Select(c => new { c.Report.Kind, c.Class.RuleId, c.Class.Cwes, c.Where, signature = c.Report.Signature, c.Inputs, c.Reproduced, c.Attempts, c.Confirmed }),
                }),
            });
            await File.WriteAllTextAsync(Path.Combine(output, "native-magma.md"), table, cancellationToken);
        }

        return 0;
    }

    private static string Render(List<(CampaignSide Side, CanaryHits Hits)> rows, ImmutableArray<string> bugs, int entries, int seeds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Magma libpng ({bugs.Length} bugs: {string.Join(", ", bugs)}), libpng_read_fuzzer, both sides at once, one libFuzzer process each. Osprey: dictionary of {entries} entries, {seeds} seeds from the libpng checkout; plain: neither.\n");
        text.AppendLine("| side | minutes | executions | exec/s | coverage | bugs reached | bugs triggered | crash inputs | distinct crashes (confirmed 3/3) | crashes |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (side, hits) in rows)
        {
            var crashes = string.Join("; ", side.Crashes.Where(c => c.Confirmed).Select(c => $"{c.Report.Kind} in {c.Where}").Distinct(StringComparer.Ordinal).Take(6));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {side.Side} | {side.Seconds / 60:0.0} | {side.Status?.Executions ?? 0} | {side.Status?.ExecsPerSecond ?? 0} | {side.Status?.Coverage ?? 0} | {hits.Reached.Length} ({string.Join(", ", hits.Reached)}) | {hits.Triggered.Length} ({string.Join(", ", hits.Triggered)}) | {side.CrashInputs} | {side.Crashes.Length} ({side.Crashes.Count(c => c.Confirmed)}) | {crashes} |"));
        }

        return text.ToString();
    }
}
