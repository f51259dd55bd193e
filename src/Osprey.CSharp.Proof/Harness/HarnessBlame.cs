using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Decides which cases a shared harness's remaining compile errors belong to: the cases whose path
/// runs through the member with the error. An error outside every case's path is blamed on all of
/// them, since none can run while it stands.
/// </summary>
internal static class HarnessBlame
{
    /// <summary>Case position → the first error blamed on it, as "message at file:line".</summary>
    public static Dictionary<int, string> Cases(IReadOnlyList<Diagnostic> errors, int caseCount)
    {
        var blamed = new Dictionary<int, string>();
        foreach (var error in errors)
        {
            var text = error.GetMessage(CultureInfo.InvariantCulture) + " at " + Where(error);
            var positions = Positions(error).ToList();
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

    private static string Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}";
    }
}
