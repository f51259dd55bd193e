using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Sinks on operators rather than on library calls: a tainted integer increased without an upper
/// bound (CWE-190) or decreased without a lower bound (CWE-191), used as an array index without
/// both bounds (CWE-129), as an array size (CWE-789), or as a loop bound (CWE-606/400). The range
/// checks of <see cref="RefineBound"/> sanitise a value for them.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>Checks the operands of integer arithmetic: <c>+</c> and <c>*</c> can overflow, <c>-</c> and <c>*</c> underflow.</summary>
    private void CheckArithmetic(TaintValue left, TaintValue right, BinaryOperatorKind kind, IOperation operation)
    {
        if (!IsInteger(operation.Type) || (!left.IsTainted && !right.IsTainted))
        {
            return;
        }

        // A stored limit is checked exactly by CheckKnownValueOrigins: int.MaxValue - 1 does not wrap.
        left = WithoutKnownValues(left);
        right = WithoutKnownValues(right);
        var location = operation.Syntax.GetLocation();
        var type = ResultType(operation) ?? operation.Type;
        var leftAccepts = AcceptedOperand(kind, right, isLeft: true, type);
        var rightAccepts = AcceptedOperand(kind, left, isLeft: false, type);
        if (kind is BinaryOperatorKind.Add or BinaryOperatorKind.Multiply)
        {
            CheckRangedSink(left, "integer-overflow", new TaintStep(location, "used in arithmetic that can overflow", TraceStepKind.Sink, _member) { Accepts = leftAccepts });
            CheckRangedSink(right, "integer-overflow", new TaintStep(location, "used in arithmetic that can overflow", TraceStepKind.Sink, _member) { Accepts = rightAccepts });
        }

        if (kind is BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
        {
            CheckRangedSink(left, "integer-underflow", new TaintStep(location, "used in arithmetic that can underflow", TraceStepKind.Sink, _member) { Accepts = leftAccepts });
            CheckRangedSink(right, "integer-underflow", new TaintStep(location, "used in arithmetic that can underflow", TraceStepKind.Sink, _member) { Accepts = rightAccepts });
        }
    }

    /// <summary>
    /// The values of one operand for which the operation stays inside <paramref name="type"/>'s range,
    /// when the other operand is a known constant (<c>data + 1</c> accepts up to <c>MaxValue - 1</c>);
    /// a random draw of known range inside it cannot wrap, here or in a caller's summary.
    /// </summary>
    private static (double Min, double Max)? AcceptedOperand(BinaryOperatorKind kind, TaintValue other, bool isLeft, ITypeSymbol? type)
    {
        if (!other.HasConstant || ToBig(other.Constant) is not { } constant || NumericRange(type) is not var (min, max))
        {
            return null;
        }

        var c = (double)constant;
        return Inward(kind switch
        {
            BinaryOperatorKind.Add => (min - c, max - c),
            BinaryOperatorKind.Subtract when isLeft => (min + c, max + c),
            BinaryOperatorKind.Subtract => (c - max, c - min),
            BinaryOperatorKind.Multiply when c > 0 => (Math.Ceiling(min / c), Math.Floor(max / c)),
            BinaryOperatorKind.Multiply when c < 0 => (Math.Ceiling(max / c), Math.Floor(min / c)),
            BinaryOperatorKind.Multiply => (double.MinValue, double.MaxValue),
            _ => null,
        });
    }

    /// <summary>
    /// A range of accepted values moved inward by one step of a double where a double cannot tell
    /// neighbouring 64-bit integers apart: <c>long.MinValue + 1</c> is <c>long.MinValue</c> as a double,
    /// and a limit must not look accepted.
    /// </summary>
    private static (double Min, double Max)? Inward((double Min, double Max)? range) =>
        range is var (min, max)
            ? (Math.Abs(min) >= 9007199254740992d ? Math.BitIncrement(min) : min, Math.Abs(max) >= 9007199254740992d ? Math.BitDecrement(max) : max)
            : null;

    /// <summary>Like <see cref="CheckSink"/>, but an origin whose known range the sink step accepts is safe.</summary>
    private void CheckRangedSink(TaintValue value, string kind, TaintStep step)
    {
        var mask = _session.Catalog.Kinds.MaskOf(kind);
        foreach (var origin in value.AllOrigins())
        {
            // Past the maximum is an overflow, below the minimum an underflow.
            if ((origin.Sanitized & mask) != 0
                || (origin.Source?.KnownRange is var (low, high) && step.Accepts is var (min, max) && (kind == "integer-underflow" || high <= max) && (kind == "integer-overflow" || low >= min)))
            {
                continue;
            }

            Reach(origin, origin.Sanitized, kind, origin.Trace is null ? TaintTrace.Start(step) : origin.Trace.Terminate(step));
        }
    }

    /// <summary>Checks <c>x++</c> (overflow) and <c>x--</c> (underflow).</summary>
    private void CheckIncrement(IIncrementOrDecrementOperation increment, TaintValue value)
    {
        if (value.IsTainted && IsInteger(increment.Type))
        {
            var decrement = increment.Kind == OperationKind.Decrement;
            var accepts = Inward(NumericRange(increment.Type) is var (min, max) ? decrement ? (min + 1, max) : (min, max - 1) : null);
            CheckRangedSink(value, decrement ? "integer-underflow" : "integer-overflow", new TaintStep(increment.Syntax.GetLocation(),
                decrement ? "decremented, which can underflow" : "incremented, which can overflow", TraceStepKind.Sink, _member) { Accepts = accepts });
        }
    }

    /// <summary>An index must have been checked against both a lower and an upper bound.</summary>
    private void CheckIndex(TaintValue index, IOperation at)
    {
        if (!index.IsTainted)
        {
            return;
        }

        var kinds = _session.Catalog.Kinds;
        var upper = kinds.MaskOf("tainted-index");
        var lower = kinds.MaskOf("tainted-index-lower");
        var step = new TaintStep(at.Syntax.GetLocation(), "used as an array index without a bounds check", TraceStepKind.Sink, _member);
        foreach (var origin in index.AllOrigins())
        {
            if ((origin.Sanitized & upper) == 0 || (origin.Sanitized & lower) == 0)
            {
                // The summary records the index as unchecked; a caller's check on one side only does not make it safe.
                Reach(origin, origin.Sanitized & ~(upper | lower), "tainted-index", origin.Trace is null ? TaintTrace.Start(step) : origin.Trace.Terminate(step));
            }
        }
    }

    /// <summary>Checks the bound of a <c>for</c>/<c>while</c>/<c>do</c> condition.</summary>
    private void CheckLoopBound(IBinaryOperation comparison, TaintValue left, TaintValue right)
    {
        if (comparison.Syntax.Parent is not (ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax))
        {
            return;
        }

        var location = comparison.Syntax.GetLocation();
        CheckSink(left, "loop-bound", location, "used as a loop bound");
        CheckSink(right, "loop-bound", location, "used as a loop bound");
    }

    /// <summary>
    /// The bits an origin needs to be safe for a sink of <paramref name="kind"/> in a callee: an index
    /// or a narrowing cast needs both an upper and a lower bound, every other kind its own bit.
    /// </summary>
    private ulong RequiredSanitization(string kind)
    {
        var kinds = _session.Catalog.Kinds;
        return kind switch
        {
            "tainted-index" => kinds.MaskOf(kind) | kinds.MaskOf("tainted-index-lower"),
            TruncationKind => kinds.MaskOf(kind) | kinds.MaskOf(TruncationLowerKind),
            _ => kinds.MaskOf(kind),
        };
    }

    private static bool IsInteger(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;
}
