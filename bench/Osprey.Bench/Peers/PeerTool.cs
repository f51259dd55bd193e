using System.Collections.Immutable;

namespace Osprey.Bench.Peers;

/// <summary>A NuGet package a generated project references.</summary>
internal sealed record PackageRef(string Id, string Version);

/// <summary>
/// A peer analyzer run through <c>dotnet build</c>: the packages that bring it in, the MSBuild
/// properties that switch it on, and the analyzer configuration that enables its rules.
/// </summary>
/// <param name="Name">Short name used in results.</param>
/// <param name="Display">Name and version for tables.</param>
/// <param name="Packages">Analyzer packages.</param>
/// <param name="Properties">Extra MSBuild properties.</param>
/// <param name="GlobalConfig">Content of a global analyzer config file passed to the compiler.</param>
/// <param name="RulePrefix">The prefix of the tool's rule ids in <see cref="PeerRuleMap"/>.</param>
internal sealed record PeerTool(string Name, string Display, ImmutableArray<PackageRef> Packages, ImmutableDictionary<string, string> Properties, string GlobalConfig, string RulePrefix)
{
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
    };
}
