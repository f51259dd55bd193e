using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp.Recon;

namespace Osprey.CSharp.Loading;

/// <summary>
/// What the C# recon stage and the C# engine share within one scan: the loaded solution (loaded
/// once) and the entry-point index. Keyed on the scan's <see cref="ScanContext"/> and collected with
/// it, so nothing is shared between scans or tenants.
/// </summary>
internal sealed class CSharpScanState
{
    private static readonly ConditionalWeakTable<ScanContext, CSharpScanState> States = new();
    private readonly Lock _gate = new();
    private LoadedSolution? _solution;

    /// <summary>The state of <paramref name="context"/>'s scan.</summary>
    public static CSharpScanState For(ScanContext context) => States.GetValue(context, static _ => new CSharpScanState());

    /// <summary>The entry points recon found, once it ran.</summary>
    public EntryPointIndex? EntryPoints { get; set; }

    /// <summary>Whether the solution is loaded.</summary>
    public bool IsLoaded => Volatile.Read(ref _solution) is not null;

    /// <summary>The loaded solution, or null when it was not loaded or was released.</summary>
    public LoadedSolution? Loaded => Volatile.Read(ref _solution);

    /// <summary>The state of <paramref name="context"/>'s scan when the C# engine or recon created one; null otherwise.</summary>
    public static CSharpScanState? Find(ScanContext context) => States.TryGetValue(context, out var state) ? state : null;

    /// <summary>Loads the solution the first time and returns the same one afterwards.</summary>
    public LoadedSolution GetOrLoad(ScanContext context, ImmutableArray<SourceFile> files, CSharpEngineOptions options, CancellationToken cancellationToken, ScanPhase phase = ScanPhase.Discover)
    {
        lock (_gate)
        {
            if (_solution is not null)
            {
                return _solution;
            }

            using var http = context.Options.AllowNetwork ? new HttpClient { Timeout = TimeSpan.FromMinutes(5) } : null;
            var loader = new CSharpProjectLoader(options, http)
            {
                Progress = (filesLoaded, projects) => context.ReportProgress(phase, $"loaded {projects} C# project(s), {filesLoaded} file(s)"),
            };
            _solution = loader.Load(context, files, cancellationToken);
            return _solution;
        }
    }

    /// <summary>Drops the solution once the engine is done, so that later stages do not keep it in memory (unless they verify with it).</summary>
    public void Release()
    {
        lock (_gate)
        {
            _solution = null;
        }
    }
}
