namespace Osprey.Cli;

/// <summary>The osprey command's documented exit codes.</summary>
public static class ExitCodes
{
    /// <summary>The command finished, and nothing reached <c>--fail-on</c>.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above <c>--fail-on</c> were reported.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>The command line was wrong: unknown option, bad value, missing path.</summary>
    public const int UsageError = 2;

    /// <summary>The scan could not run: unreadable input, nothing to scan, every engine failed.</summary>
    public const int ScanFailed = 3;

    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
