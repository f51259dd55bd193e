using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Range checks: on the branch where <c>count &lt;= 2000</c> holds, <c>count</c> is bounded above and
/// safe for the numeric sinks an upper bound protects (sizes, loop bounds, overflow); where
/// <c>data &gt; int.MinValue</c> holds it is bounded below (underflow). The bound must be a constant,
/// a <c>Length</c>/<c>Count</c>, or an untainted variable.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private void RefineBound(IOperation condition, bool outcome, TaintState state)
    {
        if (condition is not IBinaryOperation binary
            || binary.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
        {
            return;
        }

        // Normalise to "variable < bound" or "variable > bound".
        var (variable, bound, less) = IsBound(binary.RightOperand, state)
            ? (binary.LeftOperand, binary.RightOperand, binary.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual)
            : IsBound(binary.LeftOperand, state)
                ? (binary.RightOperand, binary.LeftOperand, binary.OperatorKind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)
                : (null!, null!, false);
        if (variable is null || bound is null)
        {
            return;
        }

        var upper = less == outcome;
        var kinds = _session.Catalog.Kinds;
        if (Unwrap(variable) is IInvocationOperation { TargetMethod: { Name: "Abs", ContainingType.Name: "Math" } } abs && abs.Arguments.Length == 1)
        {
            // |x| <= bound bounds x on both sides.
            if (upper)
            {
                SanitizeEntity(abs.Arguments[0].Value, kinds.UpperBoundMask | kinds.LowerBoundMask, state);
            }

            return;
        }

        SanitizeEntity(variable, upper ? kinds.UpperBoundMask : kinds.LowerBoundMask, state);
    }

    private bool IsBound(IOperation operation, TaintState state)
    {
        var bound = Unwrap(operation)!;
        return bound.ConstantValue.HasValue
            || bound is IPropertyReferenceOperation { Property.Name: "Length" or "Count" or "LongLength" }
            || (bound is IFieldReferenceOperation { Field.IsConst: true } or IFieldReferenceOperation { Field.IsStatic: true, Field.IsReadOnly: true })
            || (bound is ILocalReferenceOperation local && !state.Get(local.Local).IsTainted);
    }
}
