namespace Osprey.Core.Scanning;

/// <summary>How bad a diagnostic about the scan itself is.</summary>
public enum DiagnosticLevel
{
    /// <summary>For information.</summary>
    Info = 0,
    /// <summary>Something was skipped or degraded; results are still useful.</summary>
    Warning = 1,
    /// <summary>Something failed: a file, an engine, a verifier.</summary>
    Error = 2,
}

/// <summary>
/// A message about the scan, not about the target's security: a file that did not parse, an engine
/// that crashed, unresolved references. Reported in every output format so that nothing is lost silently.
/// </summary>
public sealed record ScanDiagnostic
{
    /// <summary>How bad it is.</summary>
    public required DiagnosticLevel Level { get; init; }

    /// <summary>Stable code: <c>file-unreadable</c>, <c>parse-error</c>, <c>engine-failed</c>, …</summary>
    public required string Code { get; init; }

    /// <summary>A clear sentence for the user.</summary>
    public required string Message { get; init; }

    /// <summary>The file concerned, relative to the scan root.</summary>
    public string? FilePath { get; init; }

    /// <summary>The engine or stage that reported it.</summary>
    public string? Source { get; init; }
}
