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
        if (kind is BinaryOperatorKind.Add or BinaryOperatorKind.Multiply)
        {
            CheckSink(left, "integer-overflow", location, "used in arithmetic that can overflow");
            CheckSink(right, "integer-overflow", location, "used in arithmetic that can overflow");
        }

        if (kind is BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
        {
            CheckSink(left, "integer-underflow", location, "used in arithmetic that can underflow");
            CheckSink(right, "integer-underflow", location, "used in arithmetic that can underflow");
        }
    }

    /// <summary>Checks <c>x++</c> (overflow) and <c>x--</c> (underflow).</summary>
    private void CheckIncrement(IIncrementOrDecrementOperation increment, TaintValue value)
    {
        if (value.IsTainted && IsInteger(increment.Type))
        {
            var decrement = increment.Kind == OperationKind.Decrement;
            CheckSink(value, decrement ? "integer-underflow" : "integer-overflow", increment.Syntax.GetLocation(),
                decrement ? "decremented, which can underflow" : "incremented, which can overflow");
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
