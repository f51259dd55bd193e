namespace Osprey.Core.Scanning;

/// <summary>A file Recon found in the target.</summary>
public sealed record SourceFile
{
    /// <summary>Absolute path.</summary>
    public required string FullPath { get; init; }

    /// <summary>Path relative to the scan root, with <c>/</c> separators.</summary>
    public required string RelativePath { get; init; }

    /// <summary>The language by extension.</summary>
    public required SourceLanguage Language { get; init; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; init; }
}
