using Osprey.Core.Rules;

namespace Osprey.CSharp.Analysis;

/// <summary>
/// One analysis the C# engine runs over each loaded compilation: the taint analysis, the
/// API-misuse checks. Analyzers report findings through the context and must be safe to run on
/// several compilations in parallel.
/// </summary>
internal interface ICompilationAnalyzer
{
    /// <summary>Short name, used in diagnostics.</summary>
    string Name { get; }

    /// <summary>The rules the analyzer reports.</summary>
    IReadOnlyList<Rule> Rules { get; }

    /// <summary>Analyses one compilation.</summary>
    void Analyze(CSharpAnalysisContext context, CancellationToken cancellationToken);
}
