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
    private const long WebAddressSpaceHeadroomBytes = 4L * 1024 * 1024 * 1024;

    private readonly ProofOptions _options;
    private readonly Lazy<ProcessSandbox> _sandbox;
    private readonly ProjectSources _sources = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ScanContext, ScanHarnesses> _scans = new();

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
        return csharp && (Harness.Web.ResponseProbes.Supports(finding) || SinkOracles.For(finding.SinkKind) is not null && finding.Trace.Length >= 2
            && finding.Trace[0].Kind == TraceStepKind.Source && finding.Trace[^1].Kind == TraceStepKind.Sink);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The first call for a compilation prepares one harness for every finding of that compilation the
    /// scan reported (<see cref="ScanContext.ReportedFindings"/>) — response probes in a harness of their
    /// own — and later calls reuse it. A finding the scan did not report gets a harness of its own.
    /// </remarks>
    public async Task<Verification> VerifyAsync(ScanContext context, ReconResult recon, Finding finding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(finding);
        if (!CanVerify(finding))
        {
            return NoStrategy(finding);
        }

        var compilation = CompilationFor(context, finding);
        if (compilation is null)
        {
            return Unreadable(finding);
        }

        var scan = _scans.GetValue(context, static _ => new ScanHarnesses());
        var probe = Harness.Web.ResponseProbes.Supports(finding);
        var prepared = await scan.GetOrPrepareAsync(compilation, probe, () => context.ReportedFindings.Where(f => CanVerify(f) && Harness.Web.ResponseProbes.Supports(f) == probe && CompilationFor(context, f) == compilation).ToList(), _options.TimeProvider, context.Target.RootDirectory, cancellationToken).ConfigureAwait(false);
        if (prepared.PositionOf(finding) is not { } position)
        {
            var own = await VerifyAllAsync(context, [finding], cancellationToken).ConfigureAwait(false);
            return own[0];
        }

        try
        {
            return await RunCaseAsync(context, prepared, position, finding, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            prepared.CaseDone();
        }
    }

    /// <summary>
    /// Proves many findings at once: the findings of one compilation share one harness, synthesised
    /// and compiled once with every source and sink instrumented, and its response probes share a
    /// second one with no sink rewritten, so each probe judges the response the app really sends
    /// even when another finding instruments a call inside the same action; each proof still runs in its own
    /// sandboxed process (at most <c>ScanOptions.VerifyParallelism</c> at a time). Returns one
    /// verification per finding, in order.
    /// </summary>
    public async Task<IReadOnlyList<Verification>> VerifyAllAsync(ScanContext context, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        var results = new Verification[findings.Count];
        var groups = new Dictionary<CSharpCompilation, List<int>>(ReferenceEqualityComparer.Instance);
        var probeGroups = new Dictionary<CSharpCompilation, List<int>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var compilation = CanVerify(finding) ? CompilationFor(context, finding) : null;
            if (compilation is null)
            {
                results[i] = CanVerify(finding) ? Unreadable(finding) : NoStrategy(finding);
                continue;
            }

            var owner = Harness.Web.ResponseProbes.Supports(finding) ? probeGroups : groups;
            if (!owner.TryGetValue(compilation, out var members))
            {
                members = [];
                owner[compilation] = members;
            }

            members.Add(i);
        }

        foreach (var (compilation, members) in groups.Concat(probeGroups))
        {
            var groupFindings = members.Select(i => findings[i]).ToList();
            using var prepared = await Task.Run(() => PreparedHarness.Prepare(compilation, groupFindings, _options.TimeProvider, context.Target.RootDirectory), cancellationToken).ConfigureAwait(false);
            await Parallel.ForAsync(0, members.Count, new ParallelOptions { MaxDegreeOfParallelism = context.Options.VerifyParallelism, CancellationToken = cancellationToken }, async (position, ct) =>
                results[members[position]] = await RunCaseAsync(context, prepared, position, groupFindings[position], ct).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return results;
    }

    private CSharpCompilation? CompilationFor(ScanContext context, Finding finding)
    {
        var file = finding.Trace.IsDefaultOrEmpty ? finding.Location.FilePath : finding.Trace[0].Location.FilePath;
        return _options.CompilationProvider?.Invoke(finding)
            ?? LoaderCompilations.For(context, file)
            ?? _sources.For(context.Target.RootDirectory, file);
    }

    private async Task<Verification> RunCaseAsync(ScanContext context, PreparedHarness prepared, int position, Finding finding, CancellationToken cancellationToken)
    {
        var outcome = prepared.Shared.Cases[position];
        if (outcome.Plan is not { } plan)
        {
            return Verification.Unverified("no harness could be built: " + outcome.Problem!.Reason, Name, prepared.PreparationPerCase);
        }

        if (prepared.EmitErrors.Count > 0)
        {
            return Verification.Unverified("the harness does not emit: " + prepared.EmitErrors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), Name, prepared.PreparationPerCase);
        }

        var started = _options.TimeProvider.GetTimestamp();
        var limits = _options.Limits with { WallClock = context.Options.VerifyTimeout };
        if (plan.DrivenOverHttp)
        {
            // A booted ASP.NET Core app maps its whole shared framework and starts many threads: its
            // address space outgrows the console harness's headroom while its heap limit stays the same.
            limits = limits with { AddressSpaceHeadroomBytes = Math.Max(limits.AddressSpaceHeadroomBytes, WebAddressSpaceHeadroomBytes) };
        }

        using var workspace = SandboxWorkspace.Create();
        var command = new SandboxCommand { Program = "dotnet", Arguments = [prepared.AssemblyPath, plan.CaseArgument.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
        var result = await _sandbox.Value.RunAsync(workspace, command, limits, cancellationToken).ConfigureAwait(false);
        var runs = HarnessOutput.Parse(result.StandardOutput);
        var elapsed = prepared.PreparationPerCase + _options.TimeProvider.GetElapsedTime(started);
        if (runs is null)
        {
            return Verification.Unverified(result.FailureReason ?? "the harness produced no report", Name, elapsed);
        }

        return Harness.Web.ResponseProbes.Supports(finding)
            ? ResponseJudgement.Judge(finding, runs.Value, Name, elapsed)
            : ProofJudgement.Judge(finding, plan, SinkOracles.For(finding.SinkKind)!, runs.Value, Name, elapsed);
    }

    private Verification NoStrategy(Finding finding) =>
        Verification.Unverified($"no proof strategy for sink kind '{finding.SinkKind}' or the finding has no source-to-sink trace", Name);

    private Verification Unreadable(Finding finding) =>
        Verification.Unverified($"the sources of {(finding.Trace.IsDefaultOrEmpty ? finding.Location : finding.Trace[0].Location).FilePath} could not be read", Name);
}
