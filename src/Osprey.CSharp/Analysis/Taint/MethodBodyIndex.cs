using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Every method of the compilation that has a body (methods, constructors, accessors, operators,
/// top-level statements), with its control-flow graph built on first use and kept for the analysis.
/// </summary>
internal sealed class MethodBodyIndex
{
    private readonly Dictionary<IMethodSymbol, (SyntaxNode Node, SemanticModel Model)> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<ControlFlowGraph?>> _graphs = new(SymbolEqualityComparer.Default);

    /// <summary>Indexes the bodies of <paramref name="compilation"/>.</summary>
    public MethodBodyIndex(Compilation compilation, SemanticModelCache semanticModels, ParallelOptions options)
    {
        var cancellationToken = options.CancellationToken;
        var types = new ConcurrentBag<INamedTypeSymbol>();
        var bodies = new ConcurrentBag<(IMethodSymbol Method, SyntaxNode Node, SemanticModel Model)>();
        var main = compilation.GetEntryPoint(cancellationToken);
        Parallel.ForEach(compilation.SyntaxTrees, options, tree =>
        {
            var model = semanticModels.Get(tree);
            var root = tree.GetRoot(cancellationToken);
            if (root is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any()
                && main is not null && main.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == tree))
            {
                bodies.Add((main, unit, model));
            }

            foreach (var node in root.DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax or ExpressionSyntax)))
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax when model.GetDeclaredSymbol(node, cancellationToken) is IMethodSymbol method
                        && (node is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }
                            or AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }):
                        bodies.Add((method, node, model));
                        break;
                    case BaseTypeDeclarationSyntax when model.GetDeclaredSymbol(node, cancellationToken) is INamedTypeSymbol type:
                        types.Add(type);
                        break;
                }
            }
        });

        foreach (var (method, node, model) in bodies)
        {
            _bodies[method] = (node, model);
        }

        Types = [.. types.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)];
    }

    /// <summary>The methods with bodies.</summary>
    public IEnumerable<IMethodSymbol> Methods => _bodies.Keys;

    /// <summary>The types declared in source.</summary>
    public ImmutableArray<INamedTypeSymbol> Types { get; }

    /// <summary>Whether <paramref name="method"/> has a body in the compilation.</summary>
    public bool HasBody(IMethodSymbol method) => _bodies.ContainsKey(method.OriginalDefinition);

    /// <summary>The declaration syntax of <paramref name="method"/>, if it has a body.</summary>
    public SyntaxNode? SyntaxOf(IMethodSymbol method) => _bodies.TryGetValue(method.OriginalDefinition, out var body) ? body.Node : null;

    /// <summary>The control-flow graph of <paramref name="method"/>'s body, or null when Roslyn cannot build one.</summary>
    public ControlFlowGraph? GraphOf(IMethodSymbol method)
    {
        var key = method.OriginalDefinition;
        if (!_bodies.TryGetValue(key, out var body))
        {
            return null;
        }

        return _graphs.GetOrAdd(key, _ => new Lazy<ControlFlowGraph?>(() => Build(body.Node, body.Model))).Value;
    }

    private static ControlFlowGraph? Build(SyntaxNode node, SemanticModel model)
    {
        try
        {
            return model.GetOperation(node) switch
            {
                IMethodBodyOperation m => ControlFlowGraph.Create(m),
                IConstructorBodyOperation c => ControlFlowGraph.Create(c),
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            // Roslyn refuses graphs for bodies with some binding errors; the method is then treated as unknown code.
            return null;
        }
    }
}
