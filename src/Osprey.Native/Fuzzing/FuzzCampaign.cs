using System.Collections.Immutable;
using System.Globalization;
using Osprey.Native.Sandbox;

namespace Osprey.Native.Fuzzing;

/// <summary>The settings of one campaign.</summary>
/// <param name="Budget">Wall-clock time for the campaign.</param>
/// <param name="Jobs">Parallel fuzzing processes (libFuzzer's fork mode).</param>
/// <param name="RssLimitMb">Memory limit per fuzzing process.</param>
/// <param name="Dictionary">The dictionary file, or null.</param>
/// <param name="Seeds">Seed input files copied into the corpus.</param>
/// <param name="KeepGoing">
/// Whether a single job keeps fuzzing past crashes (libFuzzer's fork mode with one worker) instead
/// of stopping at the first: a long campaign on a target with several bugs then finds more than one.
/// </param>
internal sealed record FuzzCampaignSettings(TimeSpan Budget, int Jobs, int RssLimitMb, string? Dictionary, IReadOnlyList<string> Seeds, bool KeepGoing = false);

/// <summary>What a campaign produced.</summary>
/// <param name="CrashInputs">Saved crashing inputs (crash-, leak-, timeout-, oom- artifacts).</param>
/// <param name="LastStatus">The last status line seen, or null.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Output">The tail of libFuzzer's output, for diagnostics.</param>
internal sealed record FuzzCampaignResult(ImmutableArray<string> CrashInputs, FuzzStatus? LastStatus, TimeSpan Duration, string Output);

/// <summary>
/// Runs libFuzzer on one harness in the sandbox for a time budget. With several jobs, fork mode
/// runs that many workers and keeps the campaign going after a crash (every distinct crash is
/// saved); with one, libFuzzer runs in-process, which starts faster and stops at the first crash,
/// unless the settings ask to keep going. Status lines are parsed as they arrive and passed to the
/// progress callback.
/// </summary>
internal sealed class FuzzCampaign
{
    private readonly NativeSandbox _sandbox;

    public FuzzCampaign(NativeSandbox sandbox) => _sandbox = sandbox;

    public async Task<FuzzCampaignResult> RunAsync(string fuzzer, FuzzCampaignSettings settings, string workDirectory, Action<FuzzStatus>? progress, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(workDirectory, "corpus");
        var crashes = Path.Combine(workDirectory, "crashes");
        Directory.CreateDirectory(corpus);
        Directory.CreateDirectory(crashes);
        foreach (var seed in settings.Seeds)
        {
            var target = Path.Combine(corpus, "seed-" + Path.GetFileName(seed));
            if (!File.Exists(target))
            {
                File.Copy(seed, target);
            }
        }

        var seconds = Math.Max(1, (int)settings.Budget.TotalSeconds);
        var args = new List<string>();
        if (settings.Jobs > 1 || settings.KeepGoing)
        {
            args.AddRange([$"-fork={settings.Jobs.ToString(CultureInfo.InvariantCulture)}", "-ignore_crashes=1", "-ignore_timeouts=1", "-ignore_ooms=1"]);
        }

        args.AddRange(
        [
            $"-max_total_time={seconds.ToString(CultureInfo.InvariantCulture)}",
            $"-rss_limit_mb={settings.RssLimitMb.ToString(CultureInfo.InvariantCulture)}",
            $"-malloc_limit_mb={settings.RssLimitMb.ToString(CultureInfo.InvariantCulture)}",
            "-timeout=10",
            $"-artifact_prefix={crashes}/",
            "-print_final_stats=1",
        ]);
        if (settings.Dictionary is not null)
        {
            args.Add($"-dict={settings.Dictionary}");
        }

        args.Add(corpus);
        FuzzStatus? last = null;
        var spec = _sandbox.Wrap(fuzzer, args, workDirectory, settings.Budget + TimeSpan.FromSeconds(30)) with
        {
            OutputLimit = 64 * 1024,
            OnErrorLine = line =>
            {
                if (FuzzStatus.TryParse(line) is { } status)
                {
                    last = status;
                    progress?.Invoke(status);
                }
            },
        };
        var result = await ProcessRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        var inputs = Directory.EnumerateFiles(crashes)
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("crash-", StringComparison.Ordinal) || n.StartsWith("leak-", StringComparison.Ordinal)
                || n.StartsWith("timeout-", StringComparison.Ordinal) || n.StartsWith("oom-", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        return new FuzzCampaignResult(inputs, last, result.Duration, result.StandardError.Length > 4000 ? result.StandardError[^4000..] : result.StandardError);
    }
}
