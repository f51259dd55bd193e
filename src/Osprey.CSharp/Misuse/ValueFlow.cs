using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// A small, local forward walk of where a value goes inside one member: through conversions,
/// string building, interpolation, array and collection elements, calls that return something
/// made from it, builder objects (<c>StringBuilder</c>, lists), and local variables. It stops at
/// fields, properties, parameters and returns, which the checks read as the value's destination.
/// Used by the API-misuse checks only; the taint analysis does the real interprocedural work.
/// </summary>
internal static class ValueFlow
{
    private const int Budget = 96;

    /// <summary>
    /// The operations the value of <paramref name="start"/> reaches, in walk order. Paths stop at an
    /// operation <paramref name="stopAt"/> accepts (e.g. a hashing call), after yielding it.
    /// </summary>
    public static IEnumerable<IOperation> Uses(IOperation start, Func<IOperation, bool>? stopAt = null)
    {
        var root = Root(start);
        var visitedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IOperation>();
        pending.Push(start);
        var steps = 0;
        while (pending.Count > 0 && steps++ < Budget)
        {
            var op = pending.Pop();
            if (op != start && stopAt?.Invoke(op) == true)
            {
                continue;
            }

            var parent = op.Parent;
            if (parent is null)
            {
                continue;
            }

            yield return parent;
            if (stopAt?.Invoke(parent) == true)
            {
                continue;
            }

            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IInterpolationOperation or IInterpolatedStringOperation
                    or IInterpolatedStringContentOperation or IBinaryOperation or ICoalesceOperation or ITupleOperation
                    or IArrayElementReferenceOperation or IArrayInitializerOperation or IArrayCreationOperation or ICollectionExpressionOperation
                    or ISpreadOperation or IAwaitOperation or IDelegateCreationOperation or IAnonymousFunctionOperation:
                    pending.Push(parent);
                    break;
                case IConditionalOperation conditional when op != conditional.Condition:
                    pending.Push(parent);
                    break;
                case IArgumentOperation argument:
                    FollowArgument(argument, pending, root, visitedLocals);
                    break;
                case IInvocationOperation invocation when op == invocation.Instance && !invocation.TargetMethod.ReturnsVoid:
                    pending.Push(invocation);
                    break;
                case IPropertyReferenceOperation { Arguments.Length: > 0 } indexer when op == indexer.Instance:
                    pending.Push(indexer);
                    break;
                case ISimpleAssignmentOperation assignment when op == assignment.Value:
                    if (assignment.Target is ILocalReferenceOperation local)
                    {
                        FollowLocal(local.Local, root, pending, visitedLocals, assignment.Syntax.Span.End);
                    }
                    else if (assignment.Target is IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array })
                    {
                        FollowLocal(array.Local, root, pending, visitedLocals);
                    }

                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    yield return declarator;
                    FollowLocal(declarator.Symbol, root, pending, visitedLocals, declarator.Syntax.Span.End);
                    break;
                case IReturnOperation when EnclosingLambda(parent) is { } lambda:
                    pending.Push(lambda);
                    break;
            }
        }
    }

    /// <summary>The outermost operation of the member containing <paramref name="operation"/>.</summary>
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    private static void FollowArgument(IArgumentOperation argument, Stack<IOperation> pending, IOperation root, HashSet<ILocalSymbol> visitedLocals)
    {
        switch (argument.Parent)
        {
            case IInvocationOperation invocation:
                if (!invocation.TargetMethod.ReturnsVoid)
                {
                    pending.Push(invocation);
                }

                // Appending to a builder or adding to a list puts the value into the receiver.
                if (invocation.Instance is ILocalReferenceOperation receiver && IsContainer(receiver.Type))
                {
                    FollowLocal(receiver.Local, root, pending, visitedLocals);
                }

                break;
            case IObjectCreationOperation or IPropertyReferenceOperation:
                pending.Push(argument.Parent);
                break;
        }
    }

    private static bool IsContainer(ITypeSymbol? type) =>
        type is not null && (type.Name is "StringBuilder" or "List" or "HashSet" or "Dictionary" or "Queue" or "Stack" || type.AllInterfaces.Any(i => i.Name == "ICollection"));

    /// <summary>
    /// Continues from the reads of <paramref name="local"/>. With <paramref name="writtenAt"/> (a whole new
    /// value was stored there), only reads after it and before the next store in source order are followed,
    /// so that <c>data = password; data = Hash(data); Store(data);</c> does not store the password.
    /// </summary>
    private static void FollowLocal(ILocalSymbol local, IOperation root, Stack<IOperation> pending, HashSet<ILocalSymbol> visited, int? writtenAt = null)
    {
        if (!visited.Add(local))
        {
            return;
        }

        var references = root.Descendants().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local)).ToList();
        var writes = references.Where(IsWrite).Select(r => r.Syntax.SpanStart).ToList();
        foreach (var reference in references.Where(r => !IsWrite(r)))
        {
            var at = reference.Syntax.SpanStart;
            if (writtenAt is { } start && (at < start || writes.Any(w => w > start && w < at)))
            {
                continue;
            }

            pending.Push(reference);
        }
    }

    private static bool IsWrite(ILocalReferenceOperation reference) =>
        reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;

    private static IAnonymousFunctionOperation? EnclosingLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                return lambda;
            }

            if (current is ILocalFunctionOperation)
            {
                return null;
            }
        }

        return null;
    }
}
