using Spectre.Console;

namespace Osprey.Cli;

/// <summary>
/// Where the command writes: machine output goes to <see cref="StandardOutput"/> untouched, people's
/// output (progress, tables) to <see cref="Terminal"/> only when stdout is a terminal, and errors
/// to <see cref="StandardError"/>. Tests substitute all three.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Raw standard output, for reports written to stdout.</summary>
    public required Stream StandardOutput { get; init; }

    /// <summary>Standard error, for error messages and warnings.</summary>
    public required TextWriter StandardError { get; init; }

    /// <summary>The console for people (help, progress, tables).</summary>
    public required IAnsiConsole Terminal { get; init; }

    /// <summary>Whether stdout is a terminal; when not, nothing but the requested output is written there.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether colour may be used on stdout (a terminal, and <c>NO_COLOR</c> unset).</summary>
    public bool UseColor { get; init; }

    /// <summary>The process's console.</summary>
    public static CliEnvironment FromSystemConsole()
    {
        var isTerminal = !Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new CliEnvironment
        {
            StandardOutput = Console.OpenStandardOutput(),
            StandardError = Console.Error,
            Terminal = AnsiConsole.Console,
            OutputIsTerminal = isTerminal,
            UseColor = isTerminal && !noColor,
        };
    }
}
