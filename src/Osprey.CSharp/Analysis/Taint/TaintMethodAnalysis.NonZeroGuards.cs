using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Checks that exclude zero: on the branch where <c>x != 0</c>, <c>x &gt; 0</c>, <c>x &lt; 0</c>,
/// <c>0 &lt; x</c>, <c>x is not 0</c> or <c>Math.Abs(x) &gt; 0.000001</c> holds, <c>x</c> is no longer a divisor that
/// can be zero, and a zero it was known to hold is forgotten (that branch does not run with it).
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private void RefineNonZero(IOperation condition, bool outcome, TaintState state)
    {
        IOperation? variable = condition switch
        {
            IBinaryOperation binary when NormalisedComparison(binary, outcome) is var (compared, relation, bound) && Excludes(relation, bound) => compared,
            IIsPatternOperation test when PatternExcludesZero(test.Pattern, outcome) => test.Value,
            _ => null,
        };
        if (variable is null)
        {
            return;
        }

        // Math.Abs(x) is zero exactly when x is.
        if (Unwrap(variable) is IInvocationOperation { TargetMethod: { Name: "Abs", ContainingType.Name: "Math" } } abs && abs.Arguments.Length == 1)
        {
            variable = abs.Arguments[0].Value;
        }

        SanitizeEntity(variable, _session.Catalog.Kinds.MaskOf(DivideByZeroKind), state);
        ForgetKnownZero(variable, state);
    }

    /// <summary>
    /// The comparison as "variable relation constant" on the branch taken: the constant moved to
    /// the right and the operator negated when <paramref name="outcome"/> is false.
    /// </summary>
    private static (IOperation Variable, BinaryOperatorKind Relation, double Bound)? NormalisedComparison(IBinaryOperation binary, bool outcome)
    {
        var (variable, constant, relation) = ConstantOf(binary.RightOperand) is not null
            ? (binary.LeftOperand, ConstantOf(binary.RightOperand), binary.OperatorKind)
            : (binary.RightOperand, ConstantOf(binary.LeftOperand), Mirror(binary.OperatorKind));
        if (constant is not { } bound || ConstantOf(variable) is not null)
        {
            return null;
        }

        return (variable, outcome ? relation : Negate(relation), bound);
    }

    /// <summary>
    /// Whether every value for which <paramref name="pattern"/> matches (or, when
    /// <paramref name="outcome"/> is false, does not match) is non-zero: <c>is not 0</c>, <c>is &gt; 0</c>,
    /// <c>is &lt; 0 or &gt; 0</c>.
    /// </summary>
    private static bool PatternExcludesZero(IPatternOperation pattern, bool outcome) => pattern switch
    {
        INegatedPatternOperation negated => PatternExcludesZero(negated.Pattern, !outcome),
        IConstantPatternOperation constant when ConstantOf(constant.Value) is { } value =>
            Excludes(outcome ? BinaryOperatorKind.Equals : BinaryOperatorKind.NotEquals, value),
        IRelationalPatternOperation relational when ConstantOf(relational.Value) is { } value =>
            Excludes(outcome ? relational.OperatorKind : Negate(relational.OperatorKind), value),

        // "a and b" matching, or "a or b" failing, needs only one side to exclude zero; the other two need both.
        IBinaryPatternOperation both when (both.OperatorKind == BinaryOperatorKind.And) == outcome =>
            PatternExcludesZero(both.LeftPattern, outcome) || PatternExcludesZero(both.RightPattern, outcome),
        IBinaryPatternOperation either => PatternExcludesZero(either.LeftPattern, outcome) && PatternExcludesZero(either.RightPattern, outcome),
        _ => false,
    };

    /// <summary>Whether every value satisfying "value <paramref name="relation"/> <paramref name="bound"/>" is non-zero.</summary>
    private static bool Excludes(BinaryOperatorKind relation, double bound) => relation switch
    {
        BinaryOperatorKind.NotEquals => bound == 0,
        BinaryOperatorKind.Equals => bound != 0,
        BinaryOperatorKind.GreaterThan => bound >= 0,
        BinaryOperatorKind.GreaterThanOrEqual => bound > 0,
        BinaryOperatorKind.LessThan => bound <= 0,
        BinaryOperatorKind.LessThanOrEqual => bound < 0,
        _ => false,
    };

    private static double? ConstantOf(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: var value } && value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : null;

    private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    private static BinaryOperatorKind Negate(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equals => BinaryOperatorKind.NotEquals,
        BinaryOperatorKind.NotEquals => BinaryOperatorKind.Equals,
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThanOrEqual,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThan,
        _ => BinaryOperatorKind.None,
    };

    private static void ForgetKnownZero(IOperation? operation, TaintState state)
    {
        object? entity = Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };
        if (entity is not null && state.Get(entity) is { HasConstant: true } value && IsZero(value.Constant))
        {
            state.Set(entity, value.WithoutConstant());
        }
    }
}
