namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>What one sandboxed run did.</summary>
public sealed record SandboxResult
{
    /// <summary>How the run ended.</summary>
    public required SandboxOutcome Outcome { get; init; }

    /// <summary>The exit code, when the process exited or was killed.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Standard output, truncated at <see cref="SandboxLimits.MaxOutputBytes"/>.</summary>
    public string StandardOutput { get; init; } = "";

    /// <summary>Standard error, truncated at <see cref="SandboxLimits.MaxOutputBytes"/>.</summary>
    public string StandardError { get; init; } = "";

    /// <summary>Wall-clock time from start to exit.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The isolation the run had.</summary>
    public required SandboxIsolation Isolation { get; init; }

    /// <summary>Whether the run exited by itself with code zero.</summary>
    public bool Succeeded => Outcome == SandboxOutcome.Exited && ExitCode == 0;

    /// <summary>Why the run did not succeed, in one sentence, or null when it did.</summary>
    public string? FailureReason => Outcome switch
    {
        SandboxOutcome.TimedOut => $"the harness did not finish within {Elapsed.TotalSeconds:0.#} s and was killed",
        SandboxOutcome.MemoryExceeded => "the harness exceeded its memory limit and was stopped",
        SandboxOutcome.ProcessLimitExceeded => "the harness exceeded its process limit (fork bomb) and was stopped",
        SandboxOutcome.FailedToStart => "the sandbox could not start the harness: " + FirstLine(StandardError),
        _ when ExitCode != 0 => $"the harness exited with code {ExitCode}: {FirstLine(StandardError)}",
        _ => null,
    };

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var line = newline < 0 ? trimmed : trimmed[..newline].TrimEnd();
        return line.Length == 0 ? "no error output" : line;
    }
}
