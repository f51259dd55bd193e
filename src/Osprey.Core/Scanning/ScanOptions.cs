using System.Collections.Immutable;

namespace Osprey.Core.Scanning;

/// <summary>
/// Everything that shapes one scan. An immutable snapshot: the CLI and the server build it, the
/// pipeline and engines read it.
/// </summary>
public sealed record ScanOptions
{
    /// <summary>The default options.</summary>
    public static ScanOptions Default { get; } = new();

    /// <summary>Glob patterns (relative to the root) of files to include; empty means everything.</summary>
    /// <value>Empty.</value>
    public ImmutableArray<string> Include { get; init; } = [];

    /// <summary>Glob patterns of files to leave out. Applied after <see cref="Include"/>.</summary>
    /// <value><c>**/bin/**</c>, <c>**/obj/**</c>, <c>**/.git/**</c>, <c>**/node_modules/**</c>.</value>
    public ImmutableArray<string> Exclude { get; init; } = ["**/bin/**", "**/obj/**", "**/.git/**", "**/node_modules/**"];

    /// <summary>Maximum degree of parallelism for engines that analyse in parallel.</summary>
    /// <value>The processor count.</value>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Threat models whose sources count: <c>remote</c> (HTTP requests, sockets, responses of outbound
    /// requests, message queues) and <c>local</c> (console, files, environment, command line, database
    /// reads). Remote alone by default, as CodeQL does: on a server, a finding whose attacker must
    /// first write its configuration file or environment is rarely the one to fix first.
    /// </summary>
    /// <value><c>remote</c>.</value>
    public ImmutableArray<string> ThreatModels { get; init; } = [Remote];

    /// <summary>Both threat models: what test suites whose cases read the console, files and environment need.</summary>
    public static ImmutableArray<string> AllThreatModels { get; } = [Remote, Local];

    /// <summary>The threat model of input from the network.</summary>
    public const string Remote = "remote";

    /// <summary>The threat model of input from the machine itself.</summary>
    public const string Local = "local";

    /// <summary>Whether <paramref name="model"/> names a threat model (<see cref="Remote"/> or <see cref="Local"/>).</summary>
    public static bool IsThreatModel(string model) => model is Remote or Local;

    /// <summary>Whether to run the Verify stage.</summary>
    /// <value>False.</value>
    public bool Verify { get; init; }

    /// <summary>Wall-clock limit for one proof attempt.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan VerifyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many proofs run at once.</summary>
    /// <value>The processor count.</value>
    public int VerifyParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Time budget for fuzzing campaigns (native engine); zero disables fuzzing.</summary>
    /// <value>Zero.</value>
    public TimeSpan FuzzTime { get; init; } = TimeSpan.Zero;

    /// <summary>Whether engines may use the network (e.g. to fetch reference-assembly packages). Scanned code never gets network.</summary>
    /// <value>False.</value>
    public bool AllowNetwork { get; init; }

    /// <summary>Free-form engine settings, keyed <c>engine.setting</c>.</summary>
    public ImmutableDictionary<string, string> EngineSettings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Extra model files (sources, sinks, summaries) given on the command line.</summary>
    public ImmutableArray<string> ModelFiles { get; init; } = [];

    /// <summary>Returns every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Threads < 1)
        {
            problems.Add($"Threads must be at least 1 (was {Threads}).");
        }

        if (VerifyParallelism < 1)
        {
            problems.Add($"Verify parallelism must be at least 1 (was {VerifyParallelism}).");
        }

        if (VerifyTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Verify timeout must be positive (was {VerifyTimeout}).");
        }

        if (FuzzTime < TimeSpan.Zero)
        {
            problems.Add("Fuzz time cannot be negative.");
        }

        foreach (var model in ThreatModels)
        {
            if (!IsThreatModel(model))
            {
                problems.Add($"Unknown threat model '{model}': use 'remote' or 'local'.");
            }
        }

        return problems;
    }
}
