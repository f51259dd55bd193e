using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.CSharp.Proof.Harness;
using Osprey.CSharp.Proof.Oracles;
using Osprey.CSharp.Proof.Sandbox;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// Proves C# findings by running them: synthesises a harness that feeds each payload of the
/// sink kind into the trace's source and records what reaches the sink, runs it in the
/// <see cref="ProcessSandbox"/>, and lets the sink kind's oracle judge the observations.
/// </summary>
public sealed class CSharpProofVerifier : IVerifier
{
    private readonly ProofOptions _options;
    private readonly Lazy<ProcessSandbox> _sandbox;
    private readonly ProjectSources _sources = new();

    /// <summary>Creates the verifier.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public CSharpProofVerifier(ProofOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid proof options: " + string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _sandbox = new Lazy<ProcessSandbox>(() => new ProcessSandbox(options.Capabilities, options.TimeProvider));
    }

    /// <inheritdoc />
    public string Name => "csharp-proof";

    /// <summary>Warnings about what the sandbox cannot enforce on this machine; empty when it is complete.</summary>
    public IReadOnlyList<string> SandboxWarnings => _sandbox.Value.Capabilities.Warnings;

    /// <inheritdoc />
    public bool CanVerify(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var csharp = finding.RuleId.StartsWith("cs/", StringComparison.Ordinal) || finding.Engine == "csharp"
            || finding.Location.FilePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
        return csharp && SinkOracles.For(finding.SinkKind) is not null && finding.Trace.Length >= 2
            && finding.Trace[0].Kind == TraceStepKind.Source && finding.Trace[^1].Kind == TraceStepKind.Sink;
    }

    /// <inheritdoc />
    public async Task<Verification> VerifyAsync(ScanContext context, ReconResult recon, Finding finding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(finding);
        var results = await VerifyAllAsync(context, [finding], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>
    /// Proves many findings at once: the findings of one compilation share one harness, synthesised
    /// and compiled once with every source and sink instrumented; each proof still runs in its own
    /// sandboxed process (at most <c>ScanOptions.VerifyParallelism</c> at a time). Returns one
    /// verification per finding, in order.
    /// </summary>
    public async Task<IReadOnlyList<Verification>> VerifyAllAsync(ScanContext context, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        var results = new Verification[findings.Count];
        var groups = new Dictionary<CSharpCompilation, List<int>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (SinkOracles.For(finding.SinkKind) is null || !CanVerify(finding))
            {
                results[i] = Verification.Unverified($"no proof strategy for sink kind '{finding.SinkKind}' or the finding has no source-to-sink trace", Name);
                continue;
            }

            var compilation = _options.CompilationProvider?.Invoke(finding)
                ?? LoaderCompilations.For(context, finding.Trace[0].Location.FilePath)
                ?? _sources.For(context.Target.RootDirectory, finding.Trace[0].Location.FilePath);
            if (compilation is null)
            {
                results[i] = Verification.Unverified($"the sources of {finding.Trace[0].Location.FilePath} could not be read", Name);
                continue;
            }

            if (!groups.TryGetValue(compilation, out var members))
            {
                members = [];
                groups[compilation] = members;
            }

            members.Add(i);
        }

        foreach (var (compilation, members) in groups)
        {
            await ProveGroupAsync(context, compilation, findings, members, results, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    private async Task ProveGroupAsync(ScanContext context, CSharpCompilation compilation, IReadOnlyList<Finding> findings, List<int> members, Verification[] results, CancellationToken cancellationToken)
    {
        var started = _options.TimeProvider.GetTimestamp();
        var requests = members.Select(i => new HarnessRequest(findings[i], SinkOracles.For(findings[i].SinkKind)!.Payloads)).ToList();
        var shared = await Task.Run(() => HarnessBuilder.BuildShared(compilation, requests), cancellationToken).ConfigureAwait(false);
        using var harness = SandboxWorkspace.Create();
        var emitErrors = shared.Compilation is { } built ? HarnessEmitter.Emit(built, harness.Directory, shared.UsesAspNetCore) : [];
        var preparation = _options.TimeProvider.GetElapsedTime(started) / Math.Max(1, members.Count);
        var limits = _options.Limits with { WallClock = context.Options.VerifyTimeout };
        var dll = harness.PathOf(HarnessEmitter.AssemblyFileName);
        await Parallel.ForAsync(0, members.Count, new ParallelOptions { MaxDegreeOfParallelism = context.Options.VerifyParallelism, CancellationToken = cancellationToken }, async (position, ct) =>
        {
            var finding = findings[members[position]];
            var outcome = shared.Cases[position];
            if (outcome.Plan is not { } plan)
            {
                results[members[position]] = Verification.Unverified("no harness could be built: " + outcome.Problem!.Reason, Name, preparation);
                return;
            }

            if (emitErrors.Count > 0)
            {
                results[members[position]] = Verification.Unverified("the harness does not emit: " + emitErrors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), Name, preparation);
                return;
            }

            results[members[position]] = await RunAsync(finding, plan, dll, limits, preparation, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<Verification> RunAsync(Finding finding, HarnessPlan plan, string dll, SandboxLimits limits, TimeSpan preparation, CancellationToken cancellationToken)
    {
        var started = _options.TimeProvider.GetTimestamp();
        var oracle = SinkOracles.For(finding.SinkKind)!;
        using var workspace = SandboxWorkspace.Create();
        var command = new SandboxCommand { Program = "dotnet", Arguments = [dll, plan.CaseArgument.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
        var result = await _sandbox.Value.RunAsync(workspace, command, limits, cancellationToken).ConfigureAwait(false);
        var runs = HarnessOutput.Parse(result.StandardOutput);
        var elapsed = preparation + _options.TimeProvider.GetElapsedTime(started);
        if (runs is null)
        {
            return Verification.Unverified(result.FailureReason ?? "the harness produced no report", Name, elapsed);
        }

        return ProofJudgement.Judge(finding, plan, oracle, runs.Value, Name, elapsed);
    }

}
