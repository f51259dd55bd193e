using System.Collections.Immutable;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;
using Osprey.CSharp.Analysis;
using Osprey.CSharp.Loading;
using Osprey.CSharp.Recon;

namespace Osprey.CSharp;

/// <summary>
/// The C# Discover engine: loads the target's projects safely (project files read as data, nothing
/// built or run) and runs every compilation analyzer (taint, API misuse) over each project. A
/// crashing analyzer becomes a diagnostic; the other analyzers' findings are kept.
/// </summary>
public sealed class CSharpEngine : IDiscoveryEngine
{
    private readonly CSharpEngineOptions _options;
    private readonly ImmutableArray<ICompilationAnalyzer> _analyzers;

    /// <summary>Creates the engine with the default options.</summary>
    public CSharpEngine()
        : this(CSharpEngineOptions.Default)
    {
    }

    /// <summary>Creates the engine with <paramref name="options"/>.</summary>
    public CSharpEngine(CSharpEngineOptions options)
        : this(options, CompilationAnalyzers.CreateDefault())
    {
    }

    internal CSharpEngine(CSharpEngineOptions options, IEnumerable<ICompilationAnalyzer> analyzers)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _analyzers = [.. analyzers];
        Rules = [.. _analyzers.SelectMany(a => a.Rules).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public string Name => "csharp";

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; }

    /// <inheritdoc />
    public bool AppliesTo(ReconResult recon) => HasCSharp(recon);

    /// <summary>Whether the target has C# sources, or C# projects or solutions whose sources may live elsewhere.</summary>
    internal static bool HasCSharp(ReconResult recon) =>
        recon.FilesOf(SourceLanguage.CSharp).Any()
        || recon.Files.Any(f => f.FullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || f.FullPath.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || f.FullPath.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public async Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recon);
        var state = CSharpScanState.For(context);
        try
        {
            await Task.Run(() => Analyze(context, recon, state, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The proof stage compiles its harnesses from the loader's compilations: keep them for it.
            if (!context.Options.Verify)
            {
                state.Release();
            }
        }
    }

    private void Analyze(ScanContext context, ReconResult recon, CSharpScanState state, CancellationToken cancellationToken)
    {
        var solution = state.GetOrLoad(context, recon.Files, _options, cancellationToken);
        var entryPoints = state.EntryPoints ??= EntryPointFinder.Find(context, solution, cancellationToken);
        var done = 0;
        // One project at a time, each analysed on every thread: a project's analysis holds its bound
        // bodies, operation graphs, summaries and indexes until it ends, so two at once doubled that
        // part of the peak (4.3 GB on all of Juliet) and made every full collection trace both.
        foreach (var project in solution.Projects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var analysis = new CSharpAnalysisContext { Project = project, Scan = context, EntryPoints = entryPoints };
            foreach (var analyzer in _analyzers)
            {
                try
                {
                    analyzer.Analyze(analysis, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    context.Report(new ScanDiagnostic
                    {
                        Level = DiagnosticLevel.Error,
                        Code = "analyzer-failed",
                        Message = $"The {analyzer.Name} analysis of {project.Name} failed: {ex.GetType().Name}: {ex.Message}. Findings of the other analyses are kept.",
                    });
                }
            }

            context.Count("csharp.projects-analysed");
            context.ReportProgress(ScanPhase.Discover, $"analysed {++done}/{solution.Projects.Length} C# project(s)");
        }
    }
}
