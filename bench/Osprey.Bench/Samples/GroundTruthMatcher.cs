using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Samples;

/// <summary>
/// Decides whether a finding is about a ground-truth entry: an accepted CWE, and a sink (the
/// finding's location or its trace's sink step) in the entry's file, either within
/// <see cref="LineTolerance"/> lines of the entry's line or inside the named method.
/// </summary>
internal sealed class GroundTruthMatcher(string sampleRoot)
{
    /// <summary>How far (in lines) a sink may be from the ground-truth line and still match.</summary>
    public const int LineTolerance = 2;

    private readonly Dictionary<string, IReadOnlyList<(string Name, int Start, int End)>> _methods = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="finding"/> reports <paramref name="entry"/>.</summary>
    public bool Matches(GroundTruthEntry entry, ToolFinding finding)
    {
        if (!finding.HasAnyCwe(AcceptedCwes.For(entry.Cwe)))
        {
            return false;
        }

        var file = Path.GetFullPath(Path.Combine(sampleRoot, entry.File));
        foreach (var sink in finding.Sinks.Where(s => s.Path == file))
        {
            if (Math.Abs(sink.Line - entry.Line) <= LineTolerance
                || MethodsOf(file).Any(m => m.Name == entry.Method && sink.Line >= m.Start && sink.Line <= m.End))
            {
                return true;
            }
        }

        return false;
    }

    private IReadOnlyList<(string Name, int Start, int End)> MethodsOf(string file)
    {
        if (!_methods.TryGetValue(file, out var methods))
        {
            methods = File.Exists(file) ? Methods(File.ReadAllText(file)) : [];
            _methods[file] = methods;
        }

        return methods;
    }

    /// <summary>Every method, constructor and local function in <paramref name="text"/> with its 1-based line span.</summary>
    public static IReadOnlyList<(string Name, int Start, int End)> Methods(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        return [.. root.DescendantNodes()
            .Select(n => n switch
            {
                MethodDeclarationSyntax m => (Node: n, Name: m.Identifier.ValueText),
                LocalFunctionStatementSyntax l => (Node: n, Name: l.Identifier.ValueText),
                ConstructorDeclarationSyntax c => (Node: n, Name: c.Identifier.ValueText),
                _ => (Node: (SyntaxNode?)null, Name: ""),
            })
            .Where(x => x.Node is not null)
            .Select(x => (x.Name, Start: x.Node!.GetLocation().GetLineSpan().StartLinePosition.Line + 1, End: x.Node.GetLocation().GetLineSpan().EndLinePosition.Line + 1))];
    }
}
