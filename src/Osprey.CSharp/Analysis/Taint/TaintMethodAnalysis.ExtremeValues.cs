using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;
using Osprey.CSharp.Models;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Values that are not input but are as dangerous to the numeric sinks as input: a type's limit
/// stored in a variable (<c>data = int.MaxValue</c>), a negative number stored in one (only an
/// index out of every array: the "not found" <c>-1</c>), and a random number drawn over most of its
/// type's range (<c>new Random().Next()</c>). Each becomes an origin that flows like taint —
/// through fields, calls and summaries, and through branches whose other side stored something
/// else (the value may still be the limit there) — but is sanitised in advance for every sink
/// kind it cannot harm: a maximum can only make a sum, a size, a loop or an index too large, a
/// minimum a difference or an index too small. A range check against the limit clears it like
/// any bounded input.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>The threat model of a random number: not the attacker's, but as unconstrained.</summary>
    private const string RandomThreatModel = "random";

    /// <summary>
    /// <paramref name="value"/> with a known-value origin when <paramref name="stored"/> is a limit
    /// of its type or negative. An unsigned zero counts only when written as <c>MinValue</c>: a literal 0 is
    /// the start of every counter, not a chosen limit.
    /// </summary>
    private TaintValue WithStoredLimit(IOperation stored, TaintValue value)
    {
        if (stored.ConstantValue is { HasValue: true, Value: sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal } number
            && Convert.ToDouble(number.Value, CultureInfo.InvariantCulture) is var size && Math.Abs(size) > byte.MaxValue && NumericRange(stored.Type) is not null
            && !(IsInteger(stored.Type) && Range(stored.Type!.SpecialType) is var (low, high) && ToBig(number.Value) is { } whole && (whole == low || whole == high || whole.Sign < 0)))
        {
            return WithStoredLargeValue(stored, size, value);
        }

        if (!stored.ConstantValue.HasValue || ToBig(stored.ConstantValue.Value) is not { } known
            || stored.Type is not { } type || !IsInteger(type) || Range(type.SpecialType) is not var (min, max)
            || (known != min && known != max && known.Sign >= 0) || known.IsZero && Unwrap(stored) is not IFieldReferenceOperation)
        {
            return value;
        }

        // Any other negative number is only an index out of every array (a "not found" -1).
        var kinds = _session.Catalog.Kinds;
        var limit = known == min || known == max;
        var reaches = (known == max ? kinds.UpperBoundMask : limit ? kinds.LowerBoundMask : kinds.MaskOf("tainted-index-lower")) | TruncationMask;
        reaches &= known.Sign >= 0 ? ~kinds.MaskOf("tainted-index-lower") : ulong.MaxValue;
        var text = known.ToString(CultureInfo.InvariantCulture);
        var description = limit ? $"the limit {type.Name}.{(known == max ? "MaxValue" : "MinValue")} ({text}) stored on this path" : $"the negative value {text} stored on this path";
        var location = stored.Syntax.GetLocation();
        var source = new TaintSource(KnownValueThreatModel, limit ? "type-limit" : "negative-value", description, location) { KnownValue = known, KnownRange = ((double)known, (double)known) };
        var origin = TaintOrigin.FromSource(source, TaintTrace.Start(new TaintStep(location, "holds " + description, TraceStepKind.Source, _member)))
            .WithSanitized(SinkKindSet.AllExcept(reaches));
        return value.WithOrigins(TaintValue.MergeOrigins(value.Origins, [origin]));
    }

    /// <summary>
    /// A stored number too large for the smallest types (beyond ±255): it only matters to a narrowing
    /// cast, which checks it exactly against the cast's type (<c>short data = 260; (byte)data</c>).
    /// </summary>
    private TaintValue WithStoredLargeValue(IOperation stored, double number, TaintValue value)
    {
        var text = number.ToString("G9", CultureInfo.InvariantCulture);
        var description = $"the value {text} stored on this path";
        var location = stored.Syntax.GetLocation();
        var source = new TaintSource(KnownValueThreatModel, "large-value", description, location) { KnownRange = (number, number) };
        var origin = TaintOrigin.FromSource(source, TaintTrace.Start(new TaintStep(location, "holds " + description, TraceStepKind.Source, _member)))
            .WithSanitized(SinkKindSet.AllExcept(TruncationMask));
        return value.WithOrigins(TaintValue.MergeOrigins(value.Origins, [origin]));
    }

    /// <summary>
    /// <paramref name="value"/> with a random origin when <paramref name="invocation"/> draws a number
    /// from <see cref="Random"/> whose range comes within a quarter of its type's span of a limit of
    /// the type it is used as (<c>Next()</c>, <c>(short)Next(short.MinValue, short.MaxValue)</c>).
    /// A draw with a small or non-constant range (<c>Next(6)</c>, <c>Next(items.Count)</c>) is bounded.
    /// </summary>
    private TaintValue WithRandomRange(IInvocationOperation invocation, TaintValue value) =>
        RandomRange(invocation) is var (low, high) && ResultType(invocation) is { } type && !InStoredRandomExpression(invocation)
            ? WithRandomOrigin(value, (double)low, (double)high, type, invocation.Syntax.GetLocation())
            : value;

    /// <summary>Whether a draw is part of a stored computation whose whole range <see cref="WithStoredRandomRange"/> knows: that origin speaks for it.</summary>
    private static bool InStoredRandomExpression(IOperation draw)
    {
        var top = draw;
        var combined = false;
        while (top.Parent is IConversionOperation or IParenthesizedOperation or IBinaryOperation)
        {
            combined |= top.Parent is IBinaryOperation;
            top = top.Parent;
        }

        return combined && top.Parent is ISimpleAssignmentOperation assignment && assignment.Value == top && RandomInterval(top) is not null;
    }

    /// <summary>
    /// <paramref name="value"/> with a random origin over [<paramref name="low"/>, <paramref name="high"/>]
    /// held as <paramref name="type"/>: it reaches the upper-bound sinks when it comes within a quarter
    /// of the type's span of its maximum, the lower-bound ones likewise of its minimum, and a
    /// narrowing cast whenever the range is wider than the cast's type (checked there).
    /// </summary>
    private TaintValue WithRandomOrigin(TaintValue value, double low, double high, ITypeSymbol type, Location location)
    {
        if (NumericRange(type) is not var (min, max))
        {
            return value;
        }

        var quarter = (max - min) / 4;
        var kinds = _session.Catalog.Kinds;
        var integer = IsInteger(type);
        var reaches = (integer && high >= max - quarter ? kinds.UpperBoundMask : 0) | (integer && low <= min + quarter ? kinds.LowerBoundMask : 0);
        if (reaches == 0 && integer)
        {
            return value;
        }

        // A draw that can be 0 can size an empty array, one that is never negative is not an index below 0;
        // whether it fits a narrowing cast is checked there.
        reaches |= (low <= 0 ? kinds.MaskOf(EmptyArrayIndexKind) : 0) | TruncationMask;
        reaches &= low >= 0 ? ~kinds.MaskOf("tainted-index-lower") : ulong.MaxValue;
        var description = $"a random number between {low.ToString("G6", CultureInfo.InvariantCulture)} and {high.ToString("G6", CultureInfo.InvariantCulture)}";
        var source = new TaintSource(RandomThreatModel, "random", description, location) { KnownRange = (low, high) };
        var origin = TaintOrigin.FromSource(source, TaintTrace.Start(new TaintStep(location, "draws " + description, TraceStepKind.Source, _member)))
            .WithSanitized(SinkKindSet.AllExcept(reaches));
        return value.WithOrigins(TaintValue.MergeOrigins(value.Origins, [origin]));
    }

    /// <summary>
    /// <paramref name="value"/> with a random origin when <paramref name="stored"/> computes a number
    /// from random draws and constants whose range is known (<c>float.MaxValue * 2.0 * (r.NextDouble() - 0.5)</c>,
    /// <c>(uint)r.Next(1 &lt;&lt; 30) &lt;&lt; 2 | (uint)r.Next(4)</c>). A bare draw has its origin already.
    /// </summary>
    private TaintValue WithStoredRandomRange(IOperation stored, TaintValue value) =>
        Unwrap(stored) is IBinaryOperation && stored.Type is { } type && RandomInterval(stored) is (var low, var high, true)
            ? WithRandomOrigin(value, low, high, type, stored.Syntax.GetLocation())
            : value;

    /// <summary>The range of an expression over random draws and constants, and whether it draws at all; null when unknown.</summary>
    private static (double Low, double High, bool Random)? RandomInterval(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: var constant } && constant is not (null or string or bool))
        {
            var c = Convert.ToDouble(constant, CultureInfo.InvariantCulture);
            return (c, c, false);
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return RandomInterval(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return RandomInterval(parenthesized.Operand);
            case IInvocationOperation invocation when RandomRange(invocation) is var (low, high):
                return ((double)low, (double)high, true);
            case IInvocationOperation { TargetMethod: { Name: "NextDouble" or "NextSingle", ContainingType.Name: "Random" } }:
                return (0, 1, true);
            case IBinaryOperation binary when RandomInterval(binary.LeftOperand) is var (ll, lh, lr) && RandomInterval(binary.RightOperand) is var (rl, rh, rr):
                (double, double)? range = binary.OperatorKind switch
                {
                    BinaryOperatorKind.Add => (ll + rl, lh + rh),
                    BinaryOperatorKind.Subtract => (ll - rh, lh - rl),
                    BinaryOperatorKind.Multiply => (Math.Min(Math.Min(ll * rl, ll * rh), Math.Min(lh * rl, lh * rh)), Math.Max(Math.Max(ll * rl, ll * rh), Math.Max(lh * rl, lh * rh))),
                    BinaryOperatorKind.LeftShift when ll >= 0 && rl == rh && rl is >= 0 and < 64 => (ll * Math.Pow(2, rl), lh * Math.Pow(2, rl)),
                    BinaryOperatorKind.Or when ll >= 0 && rl >= 0 => (Math.Max(ll, rl), Math.Pow(2, Math.Ceiling(Math.Log2(Math.Max(lh, rh) + 1))) - 1),
                    _ => null,
                };
                return range is var (low2, high2) ? (low2, high2, lr || rr) : null;
            default:
                return null;
        }
    }

    /// <summary>The range of a numeric type as doubles: integers, <c>float</c>, <c>double</c>, <c>decimal</c>.</summary>
    private static (double Min, double Max)? NumericRange(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Single => (float.MinValue, float.MaxValue),
        SpecialType.System_Double => (double.MinValue, double.MaxValue),
        SpecialType.System_Decimal => ((double)decimal.MinValue, (double)decimal.MaxValue),
        { } special when Range(special) is var (min, max) => ((double)min, (double)max),
        _ => null,
    };

    /// <summary>The inclusive range of a <see cref="Random"/> draw with constant bounds, or null.</summary>
    private static (BigInteger Low, BigInteger High)? RandomRange(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is not { Name: "Random", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
            || method.Name is not ("Next" or "NextInt64") || !IsInteger(method.ReturnType) || Range(method.ReturnType.SpecialType) is not var (_, typeMax))
        {
            return null;
        }

        var bounds = invocation.Arguments.Select(a => a.Value.ConstantValue.HasValue ? ToBig(a.Value.ConstantValue.Value) : null).ToArray();
        return bounds switch
        {
            [] => (0, typeMax - 1),
            [{ } high] => (0, high - 1),
            [{ } low, { } high] => (low, high - 1),
            _ => null,
        };
    }

    /// <summary>Origins that hold a known value change with the value: arithmetic and increments make a different number.</summary>
    private static ImmutableArray<TaintOrigin> WithoutKnownValues(ImmutableArray<TaintOrigin> origins) =>
        origins.Any(IsKnownValue) ? [.. origins.Where(o => !IsKnownValue(o))] : origins;

    private static TaintValue WithoutKnownValues(TaintValue value) =>
        value.Origins.Any(IsKnownValue) ? value.WithOrigins(WithoutKnownValues(value.Origins)) : value;

    private static bool HasKnownValue(TaintValue value) => value.AllOrigins().Any(IsKnownValue);

    private static bool IsKnownValue(TaintOrigin origin) => origin.Source?.ThreatModel == KnownValueThreatModel;

    /// <summary>
    /// Arithmetic on a stored limit: reported when the exact result leaves the range of the type it
    /// is computed or cast to (<c>int.MaxValue + 1</c>, <c>byte.MaxValue * 2</c>, a square). The other
    /// operand must be a known constant or the same stored limit; <c>checked</c> arithmetic throws instead.
    /// </summary>
    private void CheckKnownValueOrigins(TaintValue left, TaintValue right, BinaryOperatorKind kind, IOperation operation, bool isChecked)
    {
        if (isChecked || kind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply))
        {
            return;
        }

        CheckKnownValueOperand(left, right, kind, operation, leftIsKnown: true);
        CheckKnownValueOperand(right, left, kind, operation, leftIsKnown: false);
    }

    private void CheckKnownValueOperand(TaintValue known, TaintValue other, BinaryOperatorKind kind, IOperation operation, bool leftIsKnown)
    {
        foreach (var origin in known.AllOrigins())
        {
            if (origin.Source?.KnownValue is not { } value)
            {
                continue;
            }

            BigInteger? operand = other.HasConstant ? ToBig(other.Constant) : other.AllOrigins().Any(o => o.SameIdentity(origin)) ? value : null;
            if (operand is not { } r || ResultType(operation) is not { } type || Range(type.SpecialType) is not var (min, max))
            {
                continue;
            }

            var (l, rr) = leftIsKnown ? (value, r) : (r, value);
            var result = kind switch
            {
                BinaryOperatorKind.Add => l + rr,
                BinaryOperatorKind.Subtract => l - rr,
                _ => l * rr,
            };
            if (result >= min && result <= max)
            {
                continue;
            }

            var sinkKind = result > max ? "integer-overflow" : "integer-underflow";
            if ((origin.Sanitized & _session.Catalog.Kinds.MaskOf(sinkKind)) != 0)
            {
                continue;
            }

            var expression = $"{l.ToString(CultureInfo.InvariantCulture)} {Symbol(kind)} {rr.ToString(CultureInfo.InvariantCulture)}";
            var step = new TaintStep(operation.Syntax.GetLocation(), $"computes {expression}, which wraps around past the {(result > max ? "maximum" : "minimum")} of `{type.Name}`", TraceStepKind.Sink, _member);
            Reach(origin, origin.Sanitized, sinkKind, origin.Trace is null ? TaintTrace.Start(step) : origin.Trace.Terminate(step));
        }
    }

    /// <summary>
    /// On the branch where <c>data != int.MaxValue</c> (or <c>!= -1</c>) holds, a stored value equal to the constant is gone, and any other
    /// value can be incremented without wrapping (the usual guard of <c>data + 1</c>).
    /// </summary>
    private void RefineLimitEquality(IBinaryOperation binary, bool outcome, TaintState state)
    {
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals) || outcome != (binary.OperatorKind == BinaryOperatorKind.NotEquals))
        {
            return;
        }

        var (variable, constant) = binary.RightOperand.ConstantValue.HasValue ? (binary.LeftOperand, binary.RightOperand) : (binary.RightOperand, binary.LeftOperand);
        if (!constant.ConstantValue.HasValue || ToBig(constant.ConstantValue.Value) is not { } known
            || Unwrap(variable)?.Type is not { } type || Range(type.SpecialType) is not var (min, max))
        {
            return;
        }

        object? entity = Unwrap(variable) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };
        // Other values are only known not to be the limit: a step of one away from it no longer wraps.
        var wraps = known == max ? _session.Catalog.Kinds.MaskOf("integer-overflow") : known == min ? _session.Catalog.Kinds.MaskOf("integer-underflow") : 0UL;
        if (entity is not null && state.Get(entity) is { IsTainted: true } current)
        {
            state.Set(entity, current.WithOrigins([.. current.Origins.Select(o => o.WithSanitized(o.Source?.KnownValue == known ? ulong.MaxValue : wraps))]));
        }
    }
}
