using System.Collections.Immutable;
using Osprey.Bench.Peers;

namespace Osprey.Bench.Juliet;

/// <summary>The generated analysis project for one Juliet CWE folder: .NET Framework 4.8 with System.Web, like Juliet's own projects.</summary>
internal static class JulietProjects
{
    // The assemblies Juliet's Main.csproj template references, plus System.Configuration and
    // System.Security, which a few CWE folders use through the reference assemblies.
    private static readonly ImmutableArray<string> Framework =
    [
        "System", "System.Core", "System.Data", "System.Data.DataSetExtensions", "System.Xml", "System.Xml.Linq",
        "System.Net.Http", "System.Web", "System.Drawing", "Microsoft.CSharp", "System.DirectoryServices",
        "System.Configuration", "System.Security", "System.Runtime.Serialization", "netstandard",
    ];

    /// <summary>The project compiling <paramref name="folder"/> with the suite's support code.</summary>
    public static PeerProject For(JulietSuite suite, JulietCweFolder folder) => new(
        folder.Name,
        "net48",
        [.. folder.SourceFiles(), .. suite.SupportSources()],
        Framework,
        suite.SupportLibraries,
        []);
}
