using System.Collections.Immutable;

namespace Osprey.Native.Sandbox;

/// <summary>A process to start: program, arguments, environment, input and limits.</summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments, passed without a shell.</param>
internal sealed record ProcessSpec(string FileName, ImmutableArray<string> Arguments)
{
    /// <summary>The working directory; the current one when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment variables.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Bytes written to standard input, which is then closed.</summary>
    public byte[]? StandardInput { get; init; }

    /// <summary>Wall-clock limit; the whole process tree is killed when it passes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many characters of each output stream are kept (the tail is dropped).</summary>
    public int OutputLimit { get; init; } = 1 << 20;

    /// <summary>Called for each line of standard error as it arrives (libFuzzer's status lines).</summary>
    public Action<string>? OnErrorLine { get; init; }

    /// <summary>The command as one shell line, for messages and replay.</summary>
    public string CommandLine => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(ShellQuote.Quote));
}

/// <summary>What a finished process did.</summary>
/// <param name="ExitCode">The exit code (-1 when killed on timeout).</param>
/// <param name="StandardOutput">Captured standard output.</param>
/// <param name="StandardError">Captured standard error.</param>
/// <param name="TimedOut">Whether the wall-clock limit killed it.</param>
/// <param name="Duration">How long it ran.</param>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan Duration);
