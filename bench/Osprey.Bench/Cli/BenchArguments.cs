namespace Osprey.Bench.Cli;

/// <summary>
/// The parsed command line of the bench: a subcommand, then <c>--name value</c> options and
/// <c>--flag</c> switches. Small on purpose: the bench has few options and no nesting.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _flags;

    private BenchArguments(string command, Dictionary<string, string> options, HashSet<string> flags)
    {
        Command = command;
        _options = options;
        _flags = flags;
    }

    /// <summary>The subcommand, e.g. <c>juliet-cs</c>.</summary>
    public string Command { get; }

    /// <summary>
    /// Parses <paramref name="args"/>. Switches named in <paramref name="flagNames"/> take no value;
    /// every other <c>--name</c> must be followed by a value.
    /// </summary>
    /// <exception cref="BenchUsageException">The arguments are malformed.</exception>
    public static BenchArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new BenchUsageException("No benchmark was named.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new BenchUsageException($"Unexpected argument '{arg}': options are written --name value.");
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (flagNames.Contains(name))
            {
                flags.Add(name);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = args[++i];
            }
            else
            {
                throw new BenchUsageException($"Option --{name} needs a value.");
            }
        }

        return new BenchArguments(args[0], options, flags);
    }

    /// <summary>The value of <c>--<paramref name="name"/></c>, or null.</summary>
    public string? Optional(string name) => _options.GetValueOrDefault(name);

    /// <summary>The value of <c>--<paramref name="name"/></c>.</summary>
    /// <exception cref="BenchUsageException">The option is missing.</exception>
    public string Required(string name) =>
        _options.TryGetValue(name, out var value) ? value : throw new BenchUsageException($"{Command} needs --{name}.");

    /// <summary>Whether the switch <c>--<paramref name="name"/></c> was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>A comma-separated option as a list, or <paramref name="fallback"/> when absent.</summary>
    public IReadOnlyList<string> List(string name, IReadOnlyList<string> fallback) =>
        _options.TryGetValue(name, out var value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : fallback;

    /// <summary>An integer option, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="BenchUsageException">The value is not an integer.</exception>
    public int Int(string name, int fallback) =>
        !_options.TryGetValue(name, out var value) ? fallback
        : int.TryParse(value, out var parsed) ? parsed
        : throw new BenchUsageException($"--{name} must be an integer (was '{value}').");

    /// <summary>Names of options that are not in <paramref name="known"/>.</summary>
    public IEnumerable<string> Unknown(IReadOnlySet<string> known) =>
        _options.Keys.Concat(_flags).Where(k => !known.Contains(k));
}
