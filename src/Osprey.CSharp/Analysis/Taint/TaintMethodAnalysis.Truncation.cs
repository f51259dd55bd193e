using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Narrowing casts (CWE-197, CWE-681): an explicit, unchecked conversion to a type whose range is
/// smaller than the operand's (<c>(byte)data</c> of an <c>int</c>, <c>(int)</c> of a <c>double</c>,
/// <c>(float)</c> of a <c>double</c>) silently keeps the low bits or saturates. Input must have
/// been checked against both bounds first; a stored constant or random range is checked exactly
/// against the cast's type. Masking or shifting before the cast (<c>(byte)(v &amp; 0xFF)</c>,
/// <c>(byte)(v &gt;&gt; 8)</c>) chooses the bits on purpose and is not reported.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private const string TruncationKind = "numeric-truncation";
    private const string TruncationLowerKind = "numeric-truncation-lower";

    private ulong TruncationMask => _session.Catalog.Kinds.MaskOf(TruncationKind) | _session.Catalog.Kinds.MaskOf(TruncationLowerKind);

    /// <summary>
    /// Whether <paramref name="origin"/>'s known range fits what a callee's sink of <paramref name="kind"/>
    /// (<paramref name="trace"/>) accepts: an overflow needs a value past the maximum, an underflow one below the minimum.
    /// </summary>
    private static bool FitsSink(TaintOrigin origin, TaintTrace trace, string kind) =>
        origin.Source?.KnownRange is var (low, high) && trace.Step.Accepts is var (min, max)
        && (kind == "integer-underflow" || high <= max) && (kind == "integer-overflow" || low >= min);

    private void CheckNarrowing(IConversionOperation conversion, TaintValue operand)
    {
        if (conversion.IsImplicit || conversion.IsChecked || (!operand.IsTainted && !operand.HasConstant)
            || NumericRange(conversion.Operand.Type) is not var (fromMin, fromMax) || NumericRange(conversion.Type) is not var (toMin, toMax)
            || (fromMin >= toMin && fromMax <= toMax) || (IsInteger(conversion.Operand.Type) && !IsInteger(conversion.Type))
            || Unwrap(conversion.Operand) is IBinaryOperation { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift or BinaryOperatorKind.Remainder })
        {
            return;
        }

        var kinds = _session.Catalog.Kinds;
        var upper = kinds.MaskOf(TruncationKind);
        var lower = fromMin >= toMin ? 0UL : kinds.MaskOf(TruncationLowerKind);
        var location = conversion.Syntax.GetLocation();
        var target = conversion.Type!.Name;
        var step = new TaintStep(location, $"narrowed to `{target}` by a cast that keeps only what fits", TraceStepKind.Sink, _member) { Accepts = Inward((toMin, toMax)) };
        foreach (var origin in operand.AllOrigins())
        {
            if (origin.Source?.KnownRange is var (low, high) && step.Accepts is var (min, max) && low >= min && high <= max)
            {
                continue;
            }

            if ((origin.Sanitized & upper) == 0 || (origin.Sanitized & lower) != lower)
            {
                Reach(origin, origin.Sanitized & ~(upper | lower), TruncationKind, origin.Trace is null ? TaintTrace.Start(step) : origin.Trace.Terminate(step));
            }
        }

        if (operand.HasConstant && !conversion.Operand.ConstantValue.HasValue && operand.Constant is not (null or string or bool or char)
            && Convert.ToDouble(operand.Constant, CultureInfo.InvariantCulture) is var known && (known < toMin || known > toMax) && !operand.IsTainted)
        {
            var text = known.ToString("G6", CultureInfo.InvariantCulture);
            var source = new TaintSource(KnownValueThreatModel, "known-value", $"a value known on this path ({text})", location);
            var start = new TaintStep(location, $"holds {text}, outside the range of `{target}`", TraceStepKind.Source, _member);
            _session.Findings.Add(new PendingFinding(source, TruncationKind, TaintTrace.Start(start).Terminate(step)));
        }
    }
}
