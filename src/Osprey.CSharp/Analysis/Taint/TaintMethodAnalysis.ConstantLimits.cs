using System.Globalization;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Arithmetic that certainly wraps: on this path an operand is known to hold its type's limit
/// (<c>long.MaxValue</c> kept in a variable, a "not found" or "infinity" sentinel) and the
/// unchecked result leaves the range of the type it is computed or cast to. Only limits count:
/// hash functions overflow other known values on purpose. The compiler reports this only for constant expressions;
/// through a variable it wraps silently. A range check on the variable forgets the value, so a
/// guarded operation is not reported.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>The threat model of a finding whose "source" is a known value rather than input.</summary>
    private const string KnownValueThreatModel = "constant";

    private void CheckKnownValueArithmetic(TaintValue left, TaintValue right, BinaryOperatorKind kind, IOperation operation, bool isChecked)
    {
        if (isChecked || operation.ConstantValue.HasValue || !left.HasConstant || !right.HasConstant || HasKnownValue(left) || HasKnownValue(right)
            || kind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
            || ToBig(left.Constant) is not { } l || ToBig(right.Constant) is not { } r)
        {
            return;
        }

        var result = kind switch
        {
            BinaryOperatorKind.Add => l + r,
            BinaryOperatorKind.Subtract => l - r,
            _ => l * r,
        };
        if (IsLimit(l, operation) || IsLimit(r, operation))
        {
            ReportIfOutOfRange(result, operation, $"{l.ToString(CultureInfo.InvariantCulture)} {Symbol(kind)} {r.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private void CheckKnownValueIncrement(IIncrementOrDecrementOperation increment, TaintValue value)
    {
        if (!increment.IsChecked && value.HasConstant && !HasKnownValue(value) && ToBig(value.Constant) is { } v && IsLimit(v, increment))
        {
            var decrement = increment.Kind == OperationKind.Decrement;
            ReportIfOutOfRange(decrement ? v - 1 : v + 1, increment, $"{v.ToString(CultureInfo.InvariantCulture)} {(decrement ? "- 1" : "+ 1")}");
        }
    }

    private void ReportIfOutOfRange(BigInteger result, IOperation operation, string expression)
    {
        var type = ResultType(operation);
        if (type is null || Range(type.SpecialType) is not var (min, max) || (result >= min && result <= max))
        {
            return;
        }

        var kind = result > max ? "integer-overflow" : "integer-underflow";
        var location = operation.Syntax.GetLocation();
        var description = $"a value known on this path ({expression})";
        var source = new TaintSource(KnownValueThreatModel, "known-value", description, location);
        var start = new TaintStep(location, $"computes {expression}, outside the range of `{type.Name}`", TraceStepKind.Source, _member);
        var sink = new TaintStep(location, result > max ? "wraps around past its maximum (overflow)" : "wraps around past its minimum (underflow)", TraceStepKind.Sink, _member);
        _session.Findings.Add(new PendingFinding(source, kind, TaintTrace.Start(start).Terminate(sink)));
    }

    /// <summary>The type the result ends up in: an explicit unchecked narrowing cast around the operation, else its own type.</summary>
    private static ITypeSymbol? ResultType(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IConversionOperation { IsImplicit: false, IsChecked: false } cast && IsInteger(cast.Type) ? cast.Type : IsInteger(operation.Type) ? operation.Type : null;
    }

    /// <summary>
    /// Forgets the known value of a variable on the branch where a range check holds (the check is
    /// what makes the arithmetic safe), unless the check leaves the limit it holds possible: a
    /// lower bound (<c>data &gt; 0</c>) says nothing against <c>MaxValue</c>. <paramref name="upper"/>
    /// is null when the check bounds both sides.
    /// </summary>
    private static void ForgetKnownValue(IOperation? operation, TaintState state, bool? upper)
    {
        var variable = Unwrap(operation);
        object? entity = variable switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };
        if (entity is null || state.Get(entity) is not { HasConstant: true } value)
        {
            return;
        }

        if (upper is { } isUpper && ToBig(value.Constant) is { } known && variable?.Type is { } type && Range(type.SpecialType) is var (min, max)
            && ((isUpper && known == min) || (!isUpper && known == max)))
        {
            return;
        }

        state.Set(entity, value.WithoutConstant());
    }

    /// <summary>Whether <paramref name="value"/> is the minimum or maximum of the operation's type or of the type its result is cast to.</summary>
    private static bool IsLimit(BigInteger value, IOperation operation) =>
        new[] { operation.Type, ResultType(operation) }.Any(t => t is not null && Range(t.SpecialType) is var (min, max) && (value == min || value == max));

    private static BigInteger? ToBig(object? value) => value switch
    {
        sbyte or byte or short or ushort or int or uint or long => new BigInteger(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => new BigInteger(u),
        char c => new BigInteger(c),
        _ => null,
    };

    private static (BigInteger Min, BigInteger Max)? Range(SpecialType type) => type switch
    {
        SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
        SpecialType.System_Byte => (byte.MinValue, byte.MaxValue),
        SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
        SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue),
        SpecialType.System_Int32 => (int.MinValue, int.MaxValue),
        SpecialType.System_UInt32 => (uint.MinValue, uint.MaxValue),
        SpecialType.System_Int64 => (long.MinValue, long.MaxValue),
        SpecialType.System_UInt64 => (ulong.MinValue, ulong.MaxValue),
        _ => null,
    };

    private static string Symbol(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+",
        BinaryOperatorKind.Subtract => "-",
        _ => "*",
    };
}
