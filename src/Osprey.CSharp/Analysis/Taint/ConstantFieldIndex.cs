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
        var initialisedBag = new ConcurrentBag<(IFieldSymbol Field, object? Value)>();
        var targetsBag = new ConcurrentBag<(SemanticModel Model, ExpressionSyntax Target)>();
        Parallel.ForEach(compilation.SyntaxTrees, options, tree =>
        {
            var model = semanticModels.Get(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment:
                        AddTargets(model, assignment.Left, targetsBag);
                        break;
                    case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix:
                        AddTargets(model, prefix.Operand, targetsBag);
                        break;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix:
                        AddTargets(model, postfix.Operand, targetsBag);
                        break;
                    case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument:
                        AddTargets(model, argument.Expression, targetsBag);
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
        });

        var initialised = initialisedBag.ToDictionary(p => p.Field, p => p.Value, (IEqualityComparer<IFieldSymbol>)SymbolEqualityComparer.Default);

        // Only a target named like an initialised field can write one: the others are not bound here.
        var names = initialised.Keys.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var written = new ConcurrentDictionary<IFieldSymbol, byte>(SymbolEqualityComparer.Default);
        Parallel.ForEach(targetsBag.Where(t => names.Contains(SimpleName(t.Target))), options, target =>
        {
            if (target.Model.GetSymbolInfo(target.Target, cancellationToken).Symbol is IFieldSymbol field)
            {
                written.TryAdd(field.OriginalDefinition, 0);
            }
        });

        var builder = ImmutableDictionary.CreateBuilder<IFieldSymbol, object?>(SymbolEqualityComparer.Default);
        foreach (var (field, value) in initialised)
        {
            if (!written.ContainsKey(field))
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

    private static void AddTargets(SemanticModel model, ExpressionSyntax target, ConcurrentBag<(SemanticModel, ExpressionSyntax)> targets)
    {
        if (target is TupleExpressionSyntax tuple)
        {
            foreach (var argument in tuple.Arguments)
            {
                AddTargets(model, argument.Expression, targets);
            }

            return;
        }

        targets.Add((model, target));
    }

    /// <summary>The name a target ends in: <c>F</c> of <c>F</c>, <c>this.F</c>, <c>x.y.F</c>; empty when it names nothing (an element access, a call).</summary>
    private static string SimpleName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        ParenthesizedExpressionSyntax parenthesized => SimpleName(parenthesized.Expression),
        _ => "",
    };
}
