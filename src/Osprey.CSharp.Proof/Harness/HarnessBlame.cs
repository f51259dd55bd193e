using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Decides which cases a shared harness's remaining compile errors belong to: the cases whose path
/// runs through the member with the error; else the cases with a member in the error's file. An
/// error in a file no case runs through is not blamed at all: that file is dropped
/// (<see cref="OffPathFiles"/>) and the harness composed again. An error nowhere in the source is
/// blamed on every case, since none can run while it stands.
/// </summary>
internal static class HarnessBlame
{
    /// <summary>The files with errors that hold no member of any case's path (the harness's own files excepted).</summary>
    public static HashSet<string> OffPathFiles(IReadOnlyList<Diagnostic> errors) =>
        errors.Select(e => e.Location.SourceTree)
            .OfType<SyntaxTree>()
            .Distinct()
            .Where(t => !t.FilePath.StartsWith("osprey/", StringComparison.Ordinal) && !CasesIn(t).Any())
            .Select(t => t.FilePath)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Case position → the first error blamed on it, as "message at file:line".</summary>
    public static Dictionary<int, string> Cases(IReadOnlyList<Diagnostic> errors, int caseCount)
    {
        var blamed = new Dictionary<int, string>();
        var offPath = OffPathFiles(errors);
        foreach (var error in errors.Where(e => e.Location.SourceTree is not { } tree || !offPath.Contains(tree.FilePath)))
        {
            var text = error.GetMessage(CultureInfo.InvariantCulture) + " at " + Where(error);
            var positions = Positions(error).ToList();
            if (positions.Count == 0 && error.Location.SourceTree is { } tree)
            {
                positions = [.. CasesIn(tree)];
            }

            foreach (var position in positions.Count > 0 ? positions : Enumerable.Range(0, caseCount))
            {
                blamed.TryAdd(position, text);
            }
        }

        return blamed;
    }

    private static IEnumerable<int> Positions(Diagnostic error)
    {
        if (error.Location.SourceTree is not { } tree)
        {
            return [];
        }

        var node = tree.GetRoot().FindNode(error.Location.SourceSpan);
        return node.AncestorsAndSelf()
            .SelectMany(n => n.GetAnnotations(HarnessRewriter.CaseKind))
            .Select(a => int.Parse(a.Data!, CultureInfo.InvariantCulture))
            .Distinct();
    }

    private static IEnumerable<int> CasesIn(SyntaxTree tree) =>
        tree.GetRoot().GetAnnotatedNodesAndTokens(HarnessRewriter.CaseKind)
            .SelectMany(n => n.GetAnnotations(HarnessRewriter.CaseKind))
            .Select(a => int.Parse(a.Data!, CultureInfo.InvariantCulture))
            .Distinct();

    private static string Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}";
    }
}
