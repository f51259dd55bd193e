using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Parse witnesses: <c>int? n = null; try { n = int.Parse(s); } catch { } if (n != null) Use(s);</c>.
/// When every non-null value a local is ever given is a number parsed from the same variable, the
/// local being non-null proves the parse succeeded, so on that branch the parsed variable holds a
/// number and is sanitised for every kind a number cannot exploit.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>Refines <paramref name="state"/> on a null check of a parse witness: <c>n != null</c>, <c>n == null</c>, <c>n.HasValue</c>.</summary>
    private void RefineParseWitness(IOperation condition, bool outcome, TaintState state)
    {
        ILocalSymbol? witness = condition switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals or BinaryOperatorKind.Equals } comparison
                when (comparison.OperatorKind == BinaryOperatorKind.NotEquals) == outcome =>
                IsNull(comparison.RightOperand) ? LocalOf(comparison.LeftOperand)
                : IsNull(comparison.LeftOperand) ? LocalOf(comparison.RightOperand)
                : null,
            IPropertyReferenceOperation { Property.Name: "HasValue" } hasValue when outcome => LocalOf(hasValue.Instance),
            _ => null,
        };
        if (witness is not null && ParsedBy(witness) is { } parsed)
        {
            var mask = _session.Catalog.Kinds.NumberMask;
            state.Set(parsed, Sanitize(state.Get(parsed), mask).WithFieldsSanitized(mask));
        }
    }

    /// <summary>The variable every non-null assignment of <paramref name="witness"/> parses, or null.</summary>
    private ISymbol? ParsedBy(ILocalSymbol witness)
    {
        ISymbol? parsed = null;
        var root = _graph.OriginalOperation;
        foreach (var operation in root.DescendantsAndSelf())
        {
            IOperation? value = operation switch
            {
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, witness) => assignment.Value,
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, witness) =>
                    declarator.Initializer?.Value ?? (IOperation?)null,
                ICompoundAssignmentOperation { Target: ILocalReferenceOperation compound } when SymbolEqualityComparer.Default.Equals(compound.Local, witness) => operation,
                IIncrementOrDecrementOperation { Target: ILocalReferenceOperation increment } when SymbolEqualityComparer.Default.Equals(increment.Local, witness) => operation,
                _ => null,
            };
            if (value is null || IsNull(value))
            {
                continue;
            }

            var source = ParseArgument(Unwrap(value)!);
            if (source is null || (parsed is not null && !SymbolEqualityComparer.Default.Equals(parsed, source)))
            {
                return null;
            }

            parsed = source;
        }

        return parsed;
    }

    /// <summary>The local or parameter a numeric parse (<c>int.Parse(s)</c>, <c>double.Parse(s, …)</c>) reads, or null.</summary>
    private static ISymbol? ParseArgument(IOperation value) =>
        value is IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
        && method.Name.StartsWith("Parse", StringComparison.Ordinal) && IsSimpleType(method.ReturnType)
        && invocation.Arguments.Length > 0
            ? Unwrap(invocation.Arguments[0].Value) switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            }
            : null;

    private static ILocalSymbol? LocalOf(IOperation? operation) => Unwrap(operation) is ILocalReferenceOperation local ? local.Local : null;

    private static bool IsNull(IOperation operation) =>
        Unwrap(operation) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
