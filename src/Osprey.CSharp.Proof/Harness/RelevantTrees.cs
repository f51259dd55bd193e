using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// The files a harness needs: starting from the source's, the sink's and the entry point's, every
/// file that declares a symbol they name, transitively. A Juliet case compiles with its own
/// files and the support classes it uses, not its whole CWE folder.
/// </summary>
internal static class RelevantTrees
{
    public static List<SyntaxTree> Collect(CSharpCompilation compilation, CallGraph graph, IEnumerable<SyntaxTree> roots)
    {
        var inCompilation = compilation.SyntaxTrees.ToHashSet();
        var kept = new List<SyntaxTree>();
        var seen = new HashSet<SyntaxTree>();
        var work = new Queue<SyntaxTree>(roots.Where(seen.Add));
        while (work.TryDequeue(out var tree))
        {
            kept.Add(tree);
            var model = graph.Model(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null)
                {
                    continue;
                }

                foreach (var declared in Declarations(symbol))
                {
                    if (inCompilation.Contains(declared) && seen.Add(declared))
                    {
                        work.Enqueue(declared);
                    }
                }
            }
        }

        return kept;
    }

    private static IEnumerable<SyntaxTree> Declarations(ISymbol symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        var own = symbol.DeclaringSyntaxReferences.Select(r => r.SyntaxTree);
        // The whole type (every partial part) comes along with any member, so it compiles.
        return type is null ? own : own.Concat(type.OriginalDefinition.DeclaringSyntaxReferences.Select(r => r.SyntaxTree));
    }
}
