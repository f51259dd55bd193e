namespace Osprey.Core.Pipeline;

/// <summary>The pipeline's phases, in order.</summary>
public enum ScanPhase
{
    /// <summary>Listing files and entry points.</summary>
    Recon = 0,
    /// <summary>Engines looking for candidates.</summary>
    Discover = 1,
    /// <summary>Proving candidates.</summary>
    Verify = 2,
    /// <summary>Deduplicating and scoring.</summary>
    Triage = 3,
    /// <summary>Done.</summary>
    Done = 4,
}

/// <summary>A progress update for people watching a scan.</summary>
public sealed record ScanProgress
{
    /// <summary>The current phase.</summary>
    public required ScanPhase Phase { get; init; }

    /// <summary>The engine or stage working, if any.</summary>
    public string? Engine { get; init; }

    /// <summary>A short status message.</summary>
    public string? Message { get; init; }

    /// <summary>Files listed (recon) or processed (discover).</summary>
    public int Files { get; init; }

    /// <summary>Findings reported so far.</summary>
    public int Findings { get; init; }
}
