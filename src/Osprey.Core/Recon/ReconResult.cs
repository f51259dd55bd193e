using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;

namespace Osprey.Core.Recon;

/// <summary>What Recon learned about the target: its files, languages and entry points.</summary>
public sealed record ReconResult
{
    /// <summary>Files selected for scanning, after include and exclude filters.</summary>
    public ImmutableArray<SourceFile> Files { get; init; } = [];

    /// <summary>Entry points found by engine-specific recon stages.</summary>
    public ImmutableArray<EntryPoint> EntryPoints { get; init; } = [];

    /// <summary>Facts recon stages want to pass on (project count, frameworks found, …).</summary>
    public ImmutableDictionary<string, string> Facts { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The languages present, by file count.</summary>
    public IReadOnlyDictionary<SourceLanguage, int> Languages =>
        Files.GroupBy(f => f.Language).Where(g => g.Key != SourceLanguage.Unknown).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Files of one language.</summary>
    public IEnumerable<SourceFile> FilesOf(SourceLanguage language) => Files.Where(f => f.Language == language);
}
