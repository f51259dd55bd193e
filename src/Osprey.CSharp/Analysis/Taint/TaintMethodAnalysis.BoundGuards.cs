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
        if (condition is IBinaryOperation equality)
        {
            RefineLimitEquality(equality, outcome, state);
        }

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
                ForgetKnownValue(abs.Arguments[0].Value, state, null);
            }

            return;
        }

        SanitizeEntity(variable, upper ? kinds.UpperBoundMask : kinds.LowerBoundMask, state);
        if (!upper && ProvesAtLeastOne(binary, bound, outcome, state))
        {
            SanitizeEntity(variable, kinds.MaskOf(EmptyArrayIndexKind), state);
        }

        ForgetKnownValue(variable, state, upper);
    }

    /// <summary>
    /// Whether <paramref name="operation"/> can serve as a bound: built only from constants, constant
    /// and <c>static readonly</c> fields, <c>Length</c>/<c>Count</c>, static calls on those
    /// (<c>(long)Math.Sqrt(int.MaxValue)</c>) and untainted variables.
    /// </summary>
    private static bool IsBound(IOperation operation, TaintState state) =>
        Unwrap(operation) switch
        {
            IPropertyReferenceOperation { Property.Name: "Length" or "Count" or "LongLength" } => true,
            IPropertyReferenceOperation => false,
            ILocalReferenceOperation local => !HasSource(state.Get(local.Local)),
            IParameterReferenceOperation parameter => !HasSource(state.Get(parameter.Parameter)),
            IFieldReferenceOperation field => field.Field.IsConst || (field.Field.IsStatic && field.Field.IsReadOnly),
            IInvocationOperation invocation => invocation.TargetMethod.IsStatic && invocation.Arguments.All(a => IsBound(a.Value, state)),
            var other => other!.ChildOperations.All(child => IsBound(child, state)),
        };

    private static bool HasSource(TaintValue value) => value.AllOrigins().Any(o => o.IsSource);
}
