using System.Collections.Immutable;
using System.Diagnostics;
using Osprey.Core.Findings;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;

namespace Osprey.Core.Pipeline;

/// <summary>
/// Runs Recon, Discover, Verify and Triage over a target and returns the report. A failing engine,
/// recon stage or verifier becomes a diagnostic; everything the others found is kept.
/// </summary>
public sealed class ScanPipeline
{
    private readonly IReadOnlyList<IReconStage> _recon;
    private readonly IReadOnlyList<IDiscoveryEngine> _engines;
    private readonly IReadOnlyList<IVerifier> _verifiers;
    private readonly IReadOnlyList<ITriageStage> _triage;
    private readonly TimeProvider _time;

    /// <summary>Creates a pipeline from the registered stages (constructor-injection friendly).</summary>
    public ScanPipeline(
        IEnumerable<IDiscoveryEngine> engines,
        IEnumerable<IReconStage>? recon = null,
        IEnumerable<IVerifier>? verifiers = null,
        IEnumerable<ITriageStage>? triage = null,
        TimeProvider? timeProvider = null)
    {
        _engines = engines.ToArray();
        _recon = recon?.ToArray() ?? [];
        _verifiers = verifiers?.ToArray() ?? [];
        _triage = triage?.ToArray() ?? [];
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The registered engines.</summary>
    public IReadOnlyList<IDiscoveryEngine> Engines => _engines;

    /// <summary>Scans <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="OperationCanceledException">The scan was cancelled.</exception>
    public async Task<ScanReport> RunAsync(ScanTarget target, ScanOptions options, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid scan options: " + string.Join(" ", problems), nameof(options));
        }

        var started = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var context = new ScanContext(target, options, progress, _time);

        context.ReportProgress(ScanPhase.Recon, "listing files");
        var recon = new ReconResult { Files = SourceInventory.Enumerate(target, options, context.Report, cancellationToken) };
        context.ReportProgress(ScanPhase.Recon, $"{recon.Files.Length} files", recon.Files.Length);
        foreach (var stage in _recon)
        {
            recon = await RunReconStageAsync(stage, context, recon, cancellationToken).ConfigureAwait(false);
        }

        var runs = await DiscoverAsync(context, recon, cancellationToken).ConfigureAwait(false);

        var snippets = new SnippetReader(target.RootDirectory);
        // Exact duplicates (two engines, or one engine twice, on the same path) go before
        // fingerprinting, so that disambiguation suffixes are only given to distinct findings.
        // Paths that share a source and a sink but pass through different code stay apart: each
        // is a flow a fix may have to cut.
        IReadOnlyList<Finding> findings = FindingFingerprint.AssignAll(context.SnapshotFindings()
            .DistinctBy(f => (f.RuleId, f.Location.FilePath, f.Location.StartLine, f.Location.StartColumn,
                Path: f.Trace.IsDefaultOrEmpty ? null : string.Join('|', f.Trace.Select(step => step.Location.ToString()))))
            .Select(snippets.Fill));

        if (options.Verify && _verifiers.Count > 0)
        {
            findings = await VerifyAsync(context, recon, findings, cancellationToken).ConfigureAwait(false);
        }

        context.ReportProgress(ScanPhase.Triage);
        findings = DefaultTriage.Instance.Triage(context, recon, findings);
        foreach (var stage in _triage)
        {
            try
            {
                findings = stage.Triage(context, recon, findings);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.Report(Failure("triage-failed", stage.Name, ex));
            }
        }

        context.ReportProgress(ScanPhase.Done);
        var rules = _engines.SelectMany(e => e.Rules).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal);
        return new ScanReport
        {
            Target = target,
            StartedAt = started,
            Duration = clock.Elapsed,
            Findings = [.. findings],
            Rules = [.. rules],
            Diagnostics = context.Diagnostics,
            Engines = runs,
            EntryPoints = recon.EntryPoints,
            FileCount = recon.Files.Length,
            Statistics = context.Statistics,
        };
    }

    private static async Task<ReconResult> RunReconStageAsync(IReconStage stage, ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        context.CurrentEngine.Value = stage.Name;
        try
        {
            return await stage.RunAsync(context, recon, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            context.Report(Failure("recon-failed", stage.Name, ex));
            return recon;
        }
        finally
        {
            context.CurrentEngine.Value = null;
        }
    }

    private async Task<ImmutableArray<EngineRun>> DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        var tasks = _engines.Select(engine => RunEngineAsync(engine, context, recon, cancellationToken)).ToArray();
        var runs = await Task.WhenAll(tasks).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return [.. runs];
    }

    private static async Task<EngineRun> RunEngineAsync(IDiscoveryEngine engine, ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        // Each engine runs on its own task so that its AsyncLocal attribution is its own.
        await Task.Yield();
        context.CurrentEngine.Value = engine.Name;
        var clock = Stopwatch.StartNew();
        try
        {
            if (!engine.AppliesTo(recon))
            {
                return new EngineRun { Name = engine.Name, Outcome = EngineOutcome.Skipped };
            }

            context.ReportProgress(ScanPhase.Discover, "started");
            await engine.DiscoverAsync(context, recon, cancellationToken).ConfigureAwait(false);
            context.ReportProgress(ScanPhase.Discover, "finished");
            return new EngineRun { Name = engine.Name, Outcome = EngineOutcome.Succeeded, Duration = clock.Elapsed, Findings = CountOf(context, engine) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new EngineRun { Name = engine.Name, Outcome = EngineOutcome.Cancelled, Duration = clock.Elapsed };
        }
        catch (Exception ex)
        {
            context.Report(Failure("engine-failed", engine.Name, ex));
            return new EngineRun { Name = engine.Name, Outcome = EngineOutcome.Failed, Duration = clock.Elapsed, Error = ex.Message, Findings = CountOf(context, engine) };
        }
    }

    private static int CountOf(ScanContext context, IDiscoveryEngine engine) => context.FindingsReportedBy(engine.Name);

    private async Task<IReadOnlyList<Finding>> VerifyAsync(ScanContext context, ReconResult recon, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var results = new Finding[findings.Count];
        var done = 0;
        await Parallel.ForAsync(0, findings.Count, new ParallelOptions { MaxDegreeOfParallelism = context.Options.VerifyParallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var finding = findings[i];
            var verifier = _verifiers.FirstOrDefault(v => v.CanVerify(finding));
            Verification verification;
            if (verifier is null)
            {
                verification = Verification.Unverified("no verifier can prove this kind of finding");
            }
            else
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    verification = await verifier.VerifyAsync(context, recon, finding, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    verification = Verification.Unverified($"verifier failed: {ex.Message}", verifier.Name, clock.Elapsed);
                    context.Report(Failure("verifier-failed", verifier.Name, ex));
                }
            }

            results[i] = finding with { Verification = verification };
            context.ReportProgress(ScanPhase.Verify, $"{Interlocked.Increment(ref done)}/{findings.Count} verified");
        }).ConfigureAwait(false);
        return results;
    }

    private static ScanDiagnostic Failure(string code, string source, Exception ex) => new()
    {
        Level = DiagnosticLevel.Error,
        Code = code,
        Source = source,
        Message = $"{source} failed: {ex.GetType().Name}: {ex.Message}. Results of the other stages are kept.",
    };
}
