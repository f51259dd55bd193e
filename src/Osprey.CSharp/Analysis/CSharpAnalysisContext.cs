using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.CSharp.Loading;

namespace Osprey.CSharp.Analysis;

/// <summary>What an <see cref="ICompilationAnalyzer"/> gets for one compilation.</summary>
internal sealed class CSharpAnalysisContext
{
    private SemanticModelCache? _semanticModels;

    /// <summary>The project being analysed.</summary>
    public required LoadedProject Project { get; init; }

    /// <summary>The scan's context: options, diagnostics, statistics, the finding sink.</summary>
    public required ScanContext Scan { get; init; }

    /// <summary>
    /// The entry points recon found (HTTP routes with their authentication, mains, hubs); use
    /// <see cref="Recon.EntryPointIndex.Find"/> to learn whether a method is one.
    /// </summary>
    public Recon.EntryPointIndex EntryPoints { get; init; } = Recon.EntryPointIndex.Empty;

    /// <summary>
    /// The semantic models of the project's trees, shared by the analyzers so each body is bound
    /// once per project (see <see cref="SemanticModelCache"/>).
    /// </summary>
    public SemanticModelCache SemanticModels =>
        _semanticModels ?? Interlocked.CompareExchange(ref _semanticModels, new SemanticModelCache(Project.Compilation), null) ?? _semanticModels;

    /// <summary>
    /// Turns a syntax location into a report location (relative path, 1-based lines, enclosing
    /// member, the trimmed text of its first line). The snippet comes from the parsed tree's text,
    /// which is in memory, so the report does not read the file again.
    /// </summary>
    public SourceLocation ToLocation(Microsoft.CodeAnalysis.Location location, string? member = null)
    {
        var span = location.GetLineSpan();
        return new SourceLocation
        {
            Snippet = location.SourceTree is { } tree ? TrimmedLine(tree.GetText(), span.StartLinePosition.Line) : null,
            FilePath = SourceLocation.NormalizePath(span.Path, Scan.Target.RootDirectory),
            StartLine = span.StartLinePosition.Line + 1,
            StartColumn = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            Member = member,
        };
    }

    private static string? TrimmedLine(Microsoft.CodeAnalysis.Text.SourceText text, int line)
    {
        if (line < 0 || line >= text.Lines.Count)
        {
            return null;
        }

        var span = text.Lines[line].Span;
        int start = span.Start, end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end));
    }

    /// <summary>Sees every finding as it is reported (tests and benchmarks use it to collect them); null by default.</summary>
    public Action<Finding>? Observer { get; init; }

    /// <summary>Reports a finding.</summary>
    public void Report(Finding finding)
    {
        Observer?.Invoke(finding);
        Scan.Report(finding);
    }
}
