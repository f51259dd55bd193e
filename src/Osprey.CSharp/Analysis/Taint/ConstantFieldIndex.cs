using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Fields whose value is known everywhere: <c>const</c> fields, and fields (static or instance,
/// readonly or not) initialised to a constant and never assigned anywhere else in the compilation.
/// Branches on them are decided statically, so dead code behind <c>if (IO.staticFive == 5)</c> or
/// <c>if (privateFalse)</c> produces no findings.
/// </summary>
internal sealed class ConstantFieldIndex
{
    private readonly ImmutableDictionary<IFieldSymbol, object?> _constants;

    /// <summary>Scans <paramref name="compilation"/> for assignments and initialisers.</summary>
    public ConstantFieldIndex(Compilation compilation, SemanticModelCache semanticModels, ParallelOptions options)
    {
        var cancellationToken = options.CancellationToken;
        var writtenBag = new ConcurrentBag<IFieldSymbol>();
        var initialisedBag = new ConcurrentBag<(IFieldSymbol Field, object? Value)>();
        Parallel.ForEach(compilation.SyntaxTrees, options, tree =>
        {
            var written = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            var model = semanticModels.Get(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment:
                        MarkWritten(model, assignment.Left, written, cancellationToken);
                        break;
                    case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix:
                        MarkWritten(model, prefix.Operand, written, cancellationToken);
                        break;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix:
                        MarkWritten(model, postfix.Operand, written, cancellationToken);
                        break;
                    case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument:
                        MarkWritten(model, argument.Expression, written, cancellationToken);
                        break;
                    case VariableDeclaratorSyntax { Initializer: { } init, Parent.Parent: FieldDeclarationSyntax }
                        when model.GetDeclaredSymbol(node, cancellationToken) is IFieldSymbol field:
                        var constant = model.GetConstantValue(init.Value, cancellationToken);
                        if (constant.HasValue)
                        {
                            initialisedBag.Add((field.OriginalDefinition, constant.Value));
                        }

                        break;
                }
            }

            foreach (var field in written)
            {
                writtenBag.Add(field);
            }
        });

        var writtenAll = writtenBag.ToHashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
        var initialised = initialisedBag.ToDictionary(p => p.Field, p => p.Value, (IEqualityComparer<IFieldSymbol>)SymbolEqualityComparer.Default);

        var builder = ImmutableDictionary.CreateBuilder<IFieldSymbol, object?>(SymbolEqualityComparer.Default);
        foreach (var (field, value) in initialised)
        {
            if (!writtenAll.Contains(field))
            {
                builder[field] = value;
            }
        }

        _constants = builder.ToImmutable();
    }

    /// <summary>The constant value of <paramref name="field"/>, when it has one everywhere.</summary>
    public bool TryGetConstant(IFieldSymbol field, out object? value)
    {
        if (field.HasConstantValue)
        {
            value = field.ConstantValue;
            return true;
        }

        return _constants.TryGetValue(field.OriginalDefinition, out value);
    }

    private static void MarkWritten(SemanticModel model, ExpressionSyntax target, HashSet<IFieldSymbol> written, CancellationToken cancellationToken)
    {
        foreach (var expression in target is TupleExpressionSyntax tuple ? tuple.Arguments.Select(a => a.Expression) : [target])
        {
            if (model.GetSymbolInfo(expression, cancellationToken).Symbol is IFieldSymbol field)
            {
                written.Add(field.OriginalDefinition);
            }
        }
    }
}
