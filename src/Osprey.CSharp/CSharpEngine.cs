using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;

namespace Osprey.CSharp;

/// <summary>
/// The C# Discover engine: loads the target's projects safely and runs every compilation
/// analyzer (taint, API misuse) over them.
/// </summary>
public sealed class CSharpEngine : IDiscoveryEngine
{
    /// <summary>Creates the engine.</summary>
    public CSharpEngine()
    {
    }

    /// <inheritdoc />
    public string Name => "csharp";

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [];

    /// <inheritdoc />
    public bool AppliesTo(ReconResult recon) => recon.FilesOf(SourceLanguage.CSharp).Any();

    /// <inheritdoc />
    public Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The C# engine is being assembled: loader and analyzers land in the next commits.");
}
