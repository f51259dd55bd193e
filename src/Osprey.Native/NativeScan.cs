using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.Native.Fuzzing;
using Osprey.Native.Harness;
using Osprey.Native.Recon;
using Osprey.Native.Sandbox;
using Osprey.Native.Static;
using Osprey.Native.Toolchain;
using Osprey.Native.Triage;

namespace Osprey.Native;

/// <summary>
/// One native scan, stage by stage: static candidates (which also rank the entry points), harness
/// builds, campaigns within the budget, and crash triage. Every stage reports what it skipped or
/// what failed as a diagnostic and the scan goes on.
/// </summary>
internal sealed class NativeScan
{
    private readonly ScanContext _context;
    private readonly NativeEngineOptions _options;
    private readonly NativeToolchain _toolchain;
    private readonly NativeRecon _recon;
    private readonly string _work;

    public NativeScan(ScanContext context, NativeEngineOptions options, NativeToolchain toolchain, NativeRecon recon, string work)
    {
        _context = context;
        _options = options;
        _toolchain = toolchain;
        _recon = recon;
        _work = work;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var staticFindings = ImmutableArray<Finding>.Empty;
        var entries = _recon.EntryPoints;
        if (_options.RunStaticAnalyzer && _toolchain.Clang is not null && !_recon.Commands.IsEmpty)
        {
            _context.ReportProgress(ScanPhase.Discover, $"clang static analyzer on {_recon.Commands.Length} files");
            var analyzer = new ClangStaticAnalyzer(_toolchain.Clang, _toolchain.ClangXx, Path.Combine(_work, "analyzer"));
            var (candidates, problems) = await analyzer.AnalyzeAsync(_recon.Commands, cancellationToken).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                Diagnose(DiagnosticLevel.Warning, "native-analyzer-failed", problem);
            }

            staticFindings = [.. candidates.Select(c => StaticFindingFactory.Create(c, _recon.Index, _recon.Root))];
            entries = Rank(entries, candidates);
        }

        var confirmed = new List<Finding>();
        if (_context.Options.FuzzTime <= TimeSpan.Zero)
        {
            Diagnose(DiagnosticLevel.Info, "native-fuzzing-off", "Fuzzing is off (fuzz time 0): only static candidates are reported. Use --fuzz-time to prove crashes.");
        }
        else if (!_toolchain.CanFuzz)
        {
            Diagnose(DiagnosticLevel.Warning, "native-fuzzing-unavailable", "Fuzzing was requested but the toolchain cannot build fuzzers. " + _toolchain.Describe());
        }
        else if (entries.IsEmpty)
        {
            Diagnose(DiagnosticLevel.Info, "native-no-entry-points", "No fuzz target or function taking untrusted input was found: nothing to fuzz.");
        }
        else
        {
            confirmed.AddRange(await FuzzAsync(entries, cancellationToken).ConfigureAwait(false));
        }

        foreach (var finding in confirmed)
        {
            _context.Report(finding);
        }

        // A static candidate at a line a crash already proved adds nothing.
        var proven = confirmed.Select(f => (f.Location.FilePath, f.Location.StartLine)).ToHashSet();
        foreach (var finding in staticFindings.Where(f => !proven.Contains((f.Location.FilePath, f.Location.StartLine))))
        {
            _context.Report(finding);
        }
    }

    private async Task<List<Finding>> FuzzAsync(ImmutableArray<NativeEntryPoint> entries, CancellationToken cancellationToken)
    {
        var builder = new HarnessBuilder(_toolchain, Path.Combine(_work, "build"));
        var budget = _context.Options.FuzzTime;
        var wanted = (int)Math.Clamp(budget / _options.MinimumCampaignTime, 1, _options.MaxHarnesses);
        var builds = new List<HarnessBuild>();
        foreach (var entry in entries)
        {
            if (builds.Count >= wanted)
            {
                break;
            }

            _context.ReportProgress(ScanPhase.Discover, $"building harness for {entry.EntryPoint.Name}");
            var build = await builder.BuildAsync(entry, _recon.Commands, _recon.Index, cancellationToken).ConfigureAwait(false);
            if (build.Succeeded)
            {
                builds.Add(build);
                _context.Count("native.harnesses-built");
            }
            else
            {
                _context.Count("native.harnesses-failed");
                Diagnose(DiagnosticLevel.Warning, "native-harness-build-failed",
                    $"The {entry.Shape} harness for {entry.EntryPoint.Name} did not build and was dropped: {build.Error}", entry.EntryPoint.Location?.FilePath);
            }
        }

        var sandbox = new NativeSandbox(_toolchain, _options.RssLimitMb, FindSetsid());
        if (!sandbox.Isolated)
        {
            Diagnose(DiagnosticLevel.Warning, "native-no-network-isolation", "unshare is unavailable: fuzzed programs run with network access.");
        }

        var dictionary = _options.UseDictionary ? WriteDictionary() : null;
        var seeds = _options.UseSeeds ? CampaignSeeds.Collect(_work, _recon.Root) : [];
        _context.Count("native.seeds", seeds.Length);
        var campaign = new FuzzCampaign(sandbox);
        var triage = new CrashTriage(new CrashReproducer(sandbox, _options.ReproduceTimeout), _options.ReproduceAttempts, _options.MinimizeTime, sandbox.SanitizerEnvironment);
        var findings = new List<Finding>();
        for (var i = 0; i < builds.Count; i++)
        {
            var build = builds[i];
            var share = budget / builds.Count;
            var work = Path.Combine(_work, "campaigns", Path.GetFileNameWithoutExtension(build.FuzzerPath!));
            Directory.CreateDirectory(work);
            var name = build.Entry.EntryPoint.Name;
            var lastReport = DateTimeOffset.MinValue;
            var result = await campaign.RunAsync(build.FuzzerPath!, new FuzzCampaignSettings(share, _options.JobsPerCampaign, _options.RssLimitMb, dictionary, seeds), work,
                status =>
                {
                    var now = _context.TimeProvider.GetUtcNow();
                    if (now - lastReport >= TimeSpan.FromSeconds(1))
                    {
                        lastReport = now;
                        _context.ReportProgress(ScanPhase.Discover, $"fuzzing {name} [{i + 1}/{builds.Count}]: {status.ExecsPerSecond} exec/s, cov {status.Coverage}, crashes {status.Crashes}");
                    }
                },
                cancellationToken).ConfigureAwait(false);
            _context.Count("native.executions", result.LastStatus?.Executions ?? 0);
            _context.Count("native.crash-inputs", result.CrashInputs.Length);
            if (result.CrashInputs.IsEmpty)
            {
                continue;
            }

            _context.ReportProgress(ScanPhase.Verify, $"triaging {result.CrashInputs.Length} crashing inputs of {name}");
            var found = await triage.TriageAsync(build, result.CrashInputs, _recon.Root, work, cancellationToken).ConfigureAwait(false);
            _context.Count("native.confirmed", found.Count(f => f.Verification.Status == VerificationStatus.Confirmed));
            findings.AddRange(found);
        }

        _context.Count("native.crashes-not-reproduced", triage.Unreproduced);
        return findings;
    }

    private string? WriteDictionary()
    {
        var entries = FuzzDictionary.Extract(_recon.Index.Literals);
        if (entries.Count == 0)
        {
            return null;
        }

        var path = Path.Combine(_work, "osprey.dict");
        File.WriteAllText(path, FuzzDictionary.Render(entries));
        _context.Count("native.dictionary-entries", entries.Count);
        return path;
    }

    // Entry points from which a static candidate is reachable are fuzzed first.
    private ImmutableArray<NativeEntryPoint> Rank(ImmutableArray<NativeEntryPoint> entries, ImmutableArray<StaticCandidate> candidates)
    {
        var suspicious = candidates.Select(c => StaticFindingFactory.EnclosingFunction(c, _recon.Index)).OfType<string>().ToList();
        if (suspicious.Count == 0)
        {
            return entries;
        }

        return [.. entries
            .Select(e => e with { Priority = e.Priority + 20 * suspicious.Count(_recon.Index.ReachableFrom(e.Function.Name).Contains) })
            .OrderByDescending(e => e.Priority)
            .ThenBy(e => e.Function.Name, StringComparer.Ordinal)];
    }

    private void Diagnose(DiagnosticLevel level, string code, string message, string? file = null) =>
        _context.Report(new ScanDiagnostic { Level = level, Code = code, Message = message, FilePath = file });

    private string? FindSetsid() =>
        (_options.SearchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Select(d => Path.Combine(d, "setsid")).FirstOrDefault(File.Exists);
}
