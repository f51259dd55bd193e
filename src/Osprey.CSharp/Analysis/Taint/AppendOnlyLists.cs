using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Local lists whose elements are known by position: a <c>List&lt;T&gt;</c> local created empty, filled
/// only by <c>Add</c> statements that run one after the other in the block that declares it, and
/// otherwise only read (<c>Count</c>, a null check, <c>list[i]</c>). Such a list never escapes and
/// is never reordered, so the k-th <c>Add</c> in source order puts its value at index k, and
/// <c>list[k]</c> with a constant k after that statement reads exactly that value. Every other list
/// keeps one merged element.
/// </summary>
internal sealed class AppendOnlyLists
{
    private readonly Dictionary<SyntaxNode, (ILocalSymbol List, int Index)> _appends = [];

    private AppendOnlyLists()
    {
    }

    /// <summary>The element field of position <paramref name="index"/>.</summary>
    public static string Slot(int index) => "[" + index + "]";

    /// <summary>Finds the append-only lists of the body <paramref name="root"/>.</summary>
    public static AppendOnlyLists Of(IOperation? root)
    {
        var result = new AppendOnlyLists();
        if (root is null || root.Descendants().Any(o => o is IBranchOperation { BranchKind: BranchKind.GoTo }))
        {
            return result;
        }

        var references = root.Descendants().OfType<ILocalReferenceOperation>().GroupBy(r => r.Local, SymbolEqualityComparer.Default);
        foreach (var group in references)
        {
            if (group.Key is ILocalSymbol local && IsList(local.Type) && Appends(local, root, [.. group]) is { } appends)
            {
                for (var i = 0; i < appends.Length; i++)
                {
                    result._appends[appends[i].Syntax] = (local, i);
                }
            }
        }

        return result;
    }

    /// <summary>The list and position an <c>Add</c> call writes, when it is one of the tracked appends.</summary>
    public (ILocalSymbol List, int Index)? AppendAt(IOperation call) => _appends.TryGetValue(call.Syntax, out var append) ? append : null;

    /// <summary>Whether <paramref name="local"/> is a tracked list whose <paramref name="index"/>-th append comes before <paramref name="read"/>.</summary>
    public bool IsFilledBefore(ILocalSymbol local, int index, IOperation read) =>
        _appends.Any(a => SymbolEqualityComparer.Default.Equals(a.Value.List, local) && a.Value.Index == index && a.Key.Span.End <= read.Syntax.SpanStart);

    private static ImmutableArray<IInvocationOperation>? Appends(ILocalSymbol local, IOperation root, List<ILocalReferenceOperation> references)
    {
        var declarator = root.Descendants().OfType<IVariableDeclaratorOperation>().FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local));
        if (declarator is not { Initializer.Value: var created } || !IsEmptyCreation(created)
            || declarator.Parent?.Parent is not IVariableDeclarationGroupOperation { Parent: IBlockOperation block } group)
        {
            return null;
        }

        var start = block.Operations.IndexOf(group);
        var appends = ImmutableArray.CreateBuilder<IInvocationOperation>();
        foreach (var reference in references)
        {
            if (InsideFunction(reference, root))
            {
                return null;
            }

            switch (reference.Parent)
            {
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1, Parent: IExpressionStatementOperation statement } add
                    when add.Instance == reference && statement.Parent == block && block.Operations.IndexOf(statement) > start:
                    appends.Add(add);
                    break;
                case IPropertyReferenceOperation { Property.Name: "Count" } count when !IsWritten(count):
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } item when !IsWritten(item):
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                    when comparison.LeftOperand.ConstantValue is { HasValue: true, Value: null } || comparison.RightOperand.ConstantValue is { HasValue: true, Value: null }:
                case IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation { Pattern: IConstantPatternOperation } }:
                    break;
                case IConversionOperation { Parent: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison }
                    when comparison.LeftOperand.ConstantValue is { HasValue: true, Value: null } || comparison.RightOperand.ConstantValue is { HasValue: true, Value: null }:
                    break;
                default:
                    return null;
            }
        }

        return appends.OrderBy(a => a.Syntax.SpanStart).ToImmutableArray();
    }

    private static bool IsEmptyCreation(IOperation created) =>
        created is IObjectCreationOperation { Initializer: null } creation
        && creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32);

    private static bool IsWritten(IOperation operation) =>
        operation.Parent is IAssignmentOperation assignment && assignment.Target == operation
        || operation.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None }
        || operation.Parent is IIncrementOrDecrementOperation;

    private static bool InsideFunction(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsList(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "List", Arity: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };
}
