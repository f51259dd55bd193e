using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Pipeline;
using Osprey.CSharp.Loading;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// The compilation the C# engine's loader built for a file in this scan (the engine keeps its
/// solution when the scan verifies), so a harness compiles the same sources with the same resolved
/// references the findings came from, without parsing the project again.
/// </summary>
internal static class LoaderCompilations
{
    public static CSharpCompilation? For(ScanContext context, string file)
    {
        if (CSharpScanState.Find(context)?.Loaded is not { } solution)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(context.Target.RootDirectory, file));
        return solution.Projects.FirstOrDefault(p => p.Compilation.SyntaxTrees.Any(t => string.Equals(t.FilePath, full, StringComparison.Ordinal)))?.Compilation;
    }
}
