using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;

namespace Osprey.Native;

/// <summary>
/// Adds the C/C++ attack surface to recon: fuzz targets, parsers of untrusted bytes, strings,
/// files and descriptors, and <c>main</c>. The index is computed once per scan and reused by
/// <see cref="NativeEngine"/>.
/// </summary>
public sealed class NativeReconStage : IReconStage
{
    private readonly NativeEngineOptions _options;

    /// <summary>Creates the stage.</summary>
    public NativeReconStage(NativeEngineOptions? options = null) => _options = options ?? new NativeEngineOptions();

    /// <inheritdoc />
    public string Name => "native-recon";

    /// <inheritdoc />
    public async Task<ReconResult> RunAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recon);
        if (!recon.Files.Any(f => f.Language is SourceLanguage.C or SourceLanguage.Cpp))
        {
            return recon;
        }

        var (_, native) = await NativeEngine.ReconOnceAsync(context, recon, _options, cancellationToken).ConfigureAwait(false);
        return recon with
        {
            EntryPoints = recon.EntryPoints.AddRange(native.EntryPoints.Select(e => e.EntryPoint)),
            Facts = recon.Facts
                .SetItem("native.compile-commands", native.Origin)
                .SetItem("native.functions", native.Index.Functions.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
