using System.Collections.Immutable;
using Osprey.CSharp.Analysis;
using Osprey.CSharp.Analysis.Taint;
using Osprey.CSharp.Misuse;

namespace Osprey.CSharp;

/// <summary>The analyzers the C# engine runs over every compilation. This list is the one place analyzers are registered.</summary>
internal static class CompilationAnalyzers
{
    /// <summary>A fresh set of the default analyzers.</summary>
    public static ImmutableArray<ICompilationAnalyzer> CreateDefault() =>
    [
        // Every analyzer the engine runs is listed here, and only here.
        new TaintAnalyzer(),
        new MisuseAnalyzer(),
    ];
}
