using System.Diagnostics;
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
        var started = _options.TimeProvider.GetTimestamp();
        var oracle = SinkOracles.For(finding.SinkKind);
        if (oracle is null || !CanVerify(finding))
        {
            return Verification.Unverified($"no proof strategy for sink kind '{finding.SinkKind}' or the finding has no source-to-sink trace", Name);
        }

        var compilation = _options.CompilationProvider?.Invoke(finding) ?? _sources.For(context.Target.RootDirectory, finding.Trace[0].Location.FilePath);
        if (compilation is null)
        {
            return Verification.Unverified($"the sources of {finding.Trace[0].Location.FilePath} could not be read", Name, Elapsed(started));
        }

        var built = await Task.Run(() => HarnessBuilder.Build(compilation, finding, oracle.Payloads), cancellationToken).ConfigureAwait(false);
        if (built.Plan is not { } plan)
        {
            return Verification.Unverified("no harness could be built: " + built.Problem!.Reason, Name, Elapsed(started));
        }

        using var workspace = SandboxWorkspace.Create();
        var errors = HarnessEmitter.Emit(plan.Compilation, workspace.Directory, plan.UsesAspNetCore);
        if (errors.Count > 0)
        {
            return Verification.Unverified("the harness does not emit: " + errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), Name, Elapsed(started));
        }

        var limits = _options.Limits with { WallClock = context.Options.VerifyTimeout };
        var command = new SandboxCommand { Program = "dotnet", Arguments = [HarnessEmitter.AssemblyFileName] };
        var result = await _sandbox.Value.RunAsync(workspace, command, limits, cancellationToken).ConfigureAwait(false);
        var runs = HarnessOutput.Parse(result.StandardOutput);
        if (runs is null)
        {
            return Verification.Unverified(result.FailureReason ?? "the harness produced no report", Name, Elapsed(started));
        }

        return ProofJudgement.Judge(finding, plan, oracle, runs.Value, Name, Elapsed(started));
    }

    private TimeSpan Elapsed(long started) => _options.TimeProvider.GetElapsedTime(started);
}
