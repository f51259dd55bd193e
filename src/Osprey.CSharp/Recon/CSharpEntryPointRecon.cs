using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;
using Osprey.CSharp.Loading;

namespace Osprey.CSharp.Recon;

/// <summary>
/// The C# recon stage: loads the target's C# projects (once per scan; the C# engine reuses the
/// load) and records their entry points — HTTP routes with verb and the authentication each
/// requires, hub and gRPC methods, <c>Main</c> methods.
/// </summary>
public sealed class CSharpEntryPointRecon : IReconStage
{
    private readonly CSharpEngineOptions _options;

    /// <summary>Creates the stage with the default options.</summary>
    public CSharpEntryPointRecon()
        : this(CSharpEngineOptions.Default)
    {
    }

    /// <summary>Creates the stage with <paramref name="options"/> (the same the engine uses).</summary>
    public CSharpEntryPointRecon(CSharpEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "csharp-recon";

    /// <inheritdoc />
    public async Task<ReconResult> RunAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recon);
        if (!CSharpEngine.HasCSharp(recon))
        {
            return recon;
        }

        return await Task.Run(() =>
        {
            var state = CSharpScanState.For(context);
            var solution = state.GetOrLoad(context, recon.Files, _options, cancellationToken, ScanPhase.Recon);
            var index = EntryPointFinder.Find(context, solution, cancellationToken);
            state.EntryPoints = index;
            context.Count("csharp.entry-points", index.All.Length);
            return recon with
            {
                EntryPoints = recon.EntryPoints.AddRange(index.All),
                Facts = recon.Facts
                    .SetItem("csharp.projects", solution.Projects.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .SetItem("csharp.entry-points", index.All.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
        }, cancellationToken).ConfigureAwait(false);
    }
}
