using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Test doubles for .NET Framework-era libraries that modern .NET lacks (System.Web,
/// System.Data.SqlClient, NLog, System.DirectoryServices): added to a harness only when the scanned code uses the
/// namespace and no reference provides the type. They do no I/O.
/// </summary>
internal static class FrameworkDoubles
{
    private static readonly (string File, string Namespace, string ProbeType)[] Doubles =
    [
        ("SqlClient.cs", "System.Data.SqlClient", "System.Data.SqlClient.SqlCommand"),
        ("NLog.cs", "NLog", "NLog.Logger"),
        ("SystemWeb.cs", "System.Web", "System.Web.HttpRequest"),
        ("DirectoryServices.cs", "System.DirectoryServices", "System.DirectoryServices.DirectorySearcher"),
    ];

    /// <summary>
    /// The doubles <paramref name="scanned"/> needs: its code names the namespace and the harness's
    /// references (<paramref name="harnessReferences"/>, not the scanned project's) lack the type.
    /// </summary>
    public static IEnumerable<SyntaxTree> For(CSharpCompilation scanned, IEnumerable<MetadataReference> harnessReferences, CSharpParseOptions options)
    {
        var text = string.Concat(scanned.SyntaxTrees.Select(t => t.GetText().ToString()));
        var probeCompilation = CSharpCompilation.Create("probe", [], harnessReferences);
        foreach (var (file, ns, probe) in Doubles)
        {
            if (text.Contains(ns, StringComparison.Ordinal) && probeCompilation.GetTypeByMetadataName(probe) is null
                && !scanned.SyntaxTrees.Any(t => t.FilePath == "osprey-doubles/" + file))
            {
                yield return CSharpSyntaxTree.ParseText(EmbeddedSources.Read(file), options, path: "osprey-doubles/" + file);
            }
        }
    }
}
