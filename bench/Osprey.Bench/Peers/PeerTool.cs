using System.Collections.Immutable;

namespace Osprey.Bench.Peers;

/// <summary>A NuGet package a generated project references.</summary>
internal sealed record PackageRef(string Id, string Version);

/// <summary>How a peer runs.</summary>
internal enum PeerKind
{
    /// <summary>Analyzer packages in a generated project, run by <c>dotnet build</c>.</summary>
    Build,

    /// <summary>DevSkim's command line over the project's files (<see cref="DevSkimRunner"/>).</summary>
    DevSkim,
}

/// <summary>
/// A peer analyzer run through <c>dotnet build</c> (or, for DevSkim, its own command line): the packages that bring it in, the MSBuild
/// properties that switch it on, and the analyzer configuration that enables its rules.
/// </summary>
/// <param name="Name">Short name used in results.</param>
/// <param name="Display">Name and version for tables.</param>
/// <param name="Packages">Analyzer packages.</param>
/// <param name="Properties">Extra MSBuild properties.</param>
/// <param name="GlobalConfig">Content of a global analyzer config file passed to the compiler.</param>
/// <param name="RulePrefix">The prefix of the tool's rule ids in <see cref="PeerRuleMap"/>.</param>
/// <param name="Kind">How it runs.</param>
internal sealed record PeerTool(string Name, string Display, ImmutableArray<PackageRef> Packages, ImmutableDictionary<string, string> Properties, string GlobalConfig, string RulePrefix, PeerKind Kind = PeerKind.Build)
{
    /// <summary>The rule ids this tool reports that map to a CWE, with that CWE.</summary>
    public IEnumerable<KeyValuePair<string, int>> MappedRules => Kind == PeerKind.DevSkim
        ? DevSkimRuleMap.All
        : PeerRuleMap.All.Where(r => r.Key.StartsWith(RulePrefix, StringComparison.Ordinal));

    /// <summary>DevSkim, installed by the bench as a .NET tool, with its default rules; its rule ids map to CWEs through <see cref="DevSkimRuleMap"/>.</summary>
    public static PeerTool DevSkim { get; } = new(
        "devskim",
        $"DevSkim {DevSkimRuleMap.Version}",
        [],
        ImmutableDictionary<string, string>.Empty,
        "",
        "DS",
        PeerKind.DevSkim);

    /// <summary>Security Code Scan 5.6.7 with its default configuration.</summary>
    public static PeerTool SecurityCodeScan { get; } = new(
        "scs",
        "Security Code Scan 5.6.7",
        [new PackageRef("SecurityCodeScan.VS2019", "5.6.7")],
        ImmutableDictionary<string, string>.Empty.Add("EnableNETAnalyzers", "false"),
        "is_global = true\n",
        "SCS");

    /// <summary>
    /// The .NET analyzers' taint rules CA3001–CA3012, which are disabled by default: every other
    /// analyzer rule is switched off so the build only pays for these.
    /// </summary>
    public static PeerTool NetAnalyzers { get; } = new(
        "netanalyzers",
        "Microsoft.CodeAnalysis.NetAnalyzers 10.0.401 (CA3001–CA3012)",
        [new PackageRef("Microsoft.CodeAnalysis.NetAnalyzers", "10.0.401")],
        ImmutableDictionary<string, string>.Empty.Add("EnableNETAnalyzers", "true").Add("AnalysisMode", "None"),
        "is_global = true\ndotnet_analyzer_diagnostic.severity = none\n"
            + string.Concat(Enumerable.Range(1, 12).Select(i => $"dotnet_diagnostic.CA30{i:00}.severity = warning\n")),
        "CA30");

    /// <summary>The peers by name.</summary>
    public static IReadOnlyDictionary<string, PeerTool> ByName { get; } = new Dictionary<string, PeerTool>(StringComparer.Ordinal)
    {
        [SecurityCodeScan.Name] = SecurityCodeScan,
        [NetAnalyzers.Name] = NetAnalyzers,
        [DevSkim.Name] = DevSkim,
    };
}
