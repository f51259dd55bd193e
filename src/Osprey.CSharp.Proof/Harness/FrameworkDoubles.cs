using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Test doubles for .NET Framework-era libraries that modern .NET lacks (System.Web,
/// System.Data.SqlClient, NLog): added to a harness only when the scanned code uses the
/// namespace and no reference provides the type. They do no I/O.
/// </summary>
internal static class FrameworkDoubles
{
    private static readonly (string File, string Namespace, string ProbeType)[] Doubles =
    [
        ("SqlClient.cs", "System.Data.SqlClient", "System.Data.SqlClient.SqlCommand"),
        ("NLog.cs", "NLog", "NLog.Logger"),
        ("SystemWeb.cs", "System.Web", "System.Web.HttpRequest"),
    ];

    public static IEnumerable<SyntaxTree> For(CSharpCompilation compilation, CSharpParseOptions options)
    {
        var text = string.Concat(compilation.SyntaxTrees.Select(t => t.GetText().ToString()));
        foreach (var (file, ns, probe) in Doubles)
        {
            if (text.Contains(ns, StringComparison.Ordinal) && compilation.GetTypeByMetadataName(probe) is null)
            {
                yield return CSharpSyntaxTree.ParseText(EmbeddedSources.Read(file), options, path: "osprey-doubles/" + file);
            }
        }
    }
}
