using System.Runtime.CompilerServices;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;
using Osprey.Native.Recon;
using Osprey.Native.Toolchain;
using Osprey.Native.Triage;

namespace Osprey.Native;

/// <summary>
/// The C/C++ Discover engine. It indexes the target with libclang, runs the clang static analyzer
/// for candidates, and — when <see cref="ScanOptions.FuzzTime"/> is positive — builds libFuzzer
/// harnesses for the attack surface, fuzzes them under ASan and UBSan in a sandbox, and reports
/// every crash that reproduces 3/3 as a confirmed finding with its input and replay command.
/// Missing tools degrade the engine (static only, or fuzz targets only) with a diagnostic that
/// names the package to install.
/// </summary>
public sealed class NativeEngine : IDiscoveryEngine
{
    private static readonly ConditionalWeakTable<ScanContext, Task<(NativeToolchain, NativeRecon)>> ReconByScan = new();

    private readonly NativeEngineOptions _options;

    /// <summary>Creates the engine.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public NativeEngine(NativeEngineOptions? options = null)
    {
        _options = options ?? new NativeEngineOptions();
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid native engine options: " + string.Join(" ", problems), nameof(options));
        }
    }

    /// <inheritdoc />
    public string Name => "native";

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = NativeRules.All;

    /// <inheritdoc />
    public bool AppliesTo(ReconResult recon) =>
        recon.Files.Any(f => f.Language is SourceLanguage.C or SourceLanguage.Cpp || f.RelativePath.EndsWith("compile_commands.json", StringComparison.Ordinal));

    /// <inheritdoc />
    public async Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recon);
        var (toolchain, native) = await ReconOnceAsync(context, recon, _options, cancellationToken).ConfigureAwait(false);
        if (toolchain.Gaps.Length > 0)
        {
            context.Report(new ScanDiagnostic { Level = DiagnosticLevel.Warning, Code = "native-toolchain", Message = toolchain.Describe() });
        }

        foreach (var problem in native.Problems)
        {
            context.Report(new ScanDiagnostic { Level = DiagnosticLevel.Warning, Code = "native-parse-error", Message = problem });
        }

        context.Count("native.translation-units", native.Commands.Length);
        context.Count("native.functions", native.Index.Functions.Length);
        context.Count("native.entry-points", native.EntryPoints.Length);
        var work = _options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "osprey-native", context.TimeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        await new NativeScan(context, _options, toolchain, native, work).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Probes and runs recon once per scan, shared by the recon stage and the engine.</summary>
    internal static Task<(NativeToolchain, NativeRecon)> ReconOnceAsync(ScanContext context, ReconResult recon, NativeEngineOptions options, CancellationToken cancellationToken)
    {
        lock (ReconByScan)
        {
            if (!ReconByScan.TryGetValue(context, out var task))
            {
                task = RunReconAsync(context, recon, options, cancellationToken);
                ReconByScan.Add(context, task);
            }

            return task;
        }
    }

    private static async Task<(NativeToolchain, NativeRecon)> RunReconAsync(ScanContext context, ReconResult recon, NativeEngineOptions options, CancellationToken cancellationToken)
    {
        context.ReportProgress(ScanPhase.Recon, "probing the C/C++ toolchain");
        var toolchain = await NativeToolchain.DetectAsync(options.SearchPath, cancellationToken).ConfigureAwait(false);
        context.ReportProgress(ScanPhase.Recon, "indexing C/C++ with libclang");
        var native = await Task.Run(() => NativeReconRunner.Run(context.Target, recon, toolchain, cancellationToken), cancellationToken).ConfigureAwait(false);
        return (toolchain, native);
    }
}
