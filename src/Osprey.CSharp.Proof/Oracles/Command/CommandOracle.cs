using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles.Command;

/// <summary>
/// OS command injection. The observation's <c>shape</c> fact says how the values are read:
/// <c>command-line</c> (one string: <c>Process.Start(string)</c>, a shell's <c>-c</c> argument) is
/// exploitable when the payload adds shell syntax (<c>; &amp; | $( `</c>) or an option;
/// <c>file+arguments</c> (<c>Process.Start(file, args)</c>, <c>ProcessStartInfo</c>) when the
/// attacker names the program or adds an option; when the program is a shell run with <c>-c</c>,
/// the command after it is read as a command line.
/// </summary>
internal sealed class CommandOracle : ISinkOracle
{
    private static readonly HashSet<string> Shells = new(StringComparer.OrdinalIgnoreCase)
    {
        "sh", "bash", "dash", "zsh", "cmd", "cmd.exe", "powershell", "pwsh", "powershell.exe",
    };

    public ImmutableArray<string> SinkKinds { get; } = ["command-injection"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("osprey; id", "appends a second command with ';'"),
        new("osprey & id", "runs a second command with '&'"),
        new("osprey | id", "pipes into a second command"),
        new("$(id)", "substitutes the output of a command"),
        new("--osprey-injected-option=1", "adds an option to the program's arguments"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var values = observation.Values.IsDefaultOrEmpty ? [] : observation.Values.Select(v => v ?? "").ToArray();
        if (observation.Fact("shape") != "file+arguments" || values.Length < 2)
        {
            return JudgeCommandLine(payload, values.FirstOrDefault() ?? "");
        }

        var (file, arguments) = (values[0], values[1]);
        if (file.Contains(payload.Value, StringComparison.Ordinal))
        {
            return OracleVerdict.Exploit($"the attacker names the program to run: '{file}'.");
        }

        var words = ShellSyntax.Words(arguments);
        if (Shells.Contains(Path.GetFileName(file)) && words.FindIndex(w => w.Text is "-c" or "/c" or "-Command") is var c and >= 0 && c + 1 < words.Count)
        {
            // The word after -c, quotes removed, is what the shell parses.
            return JudgeCommandLine(payload, words[c + 1].Text);
        }

        return JudgeArguments(payload, arguments, words);
    }

    private static OracleVerdict JudgeCommandLine(Payload payload, string line)
    {
        var at = line.IndexOf(payload.Value, StringComparison.Ordinal);
        if (at < 0)
        {
            return OracleVerdict.NotReached("the payload does not appear in the command line");
        }

        var active = ShellSyntax.ActiveCharacters(line);
        for (var i = at; i < at + payload.Value.Length; i++)
        {
            if (active[i])
            {
                return OracleVerdict.Exploit($"the payload adds shell syntax '{line[i]}' to the command line, so the attacker runs commands of their own.");
            }
        }

        return JudgeArguments(payload, line, ShellSyntax.Words(line));
    }

    private static OracleVerdict JudgeArguments(Payload payload, string arguments, List<(int Start, string Text)> words)
    {
        var at = arguments.IndexOf(payload.Value, StringComparison.Ordinal);
        if (at < 0)
        {
            return OracleVerdict.NotReached("the payload does not appear in the arguments");
        }

        var injected = words.FirstOrDefault(w => w.Start >= at && w.Start < at + payload.Value.Length && w.Text.StartsWith('-'));
        return injected.Text is not null
            ? OracleVerdict.Exploit($"the payload adds the option '{injected.Text}' to the program's arguments.")
            : OracleVerdict.Neutralised("the payload stays one quoted or plain argument without options or shell syntax");
    }
}
