using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Division by a divisor that can be zero (CWE-369): the right operand of <c>/</c> or <c>%</c>,
/// integer or floating point, is tainted, or is known on this path to hold zero. An integer
/// division throws <see cref="DivideByZeroException"/>; a floating one yields infinity or NaN, which
/// a later cast to an integer turns into garbage. A value parsed from input stays tainted for this
/// sink (any number can be zero); the checks of <see cref="RefineNonZero"/> sanitise it.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>The sink kind of a divisor that can be zero.</summary>
    private const string DivideByZeroKind = "divide-by-zero";

    private void CheckDivisor(TaintValue divisor, BinaryOperatorKind kind, IOperation operation, IOperation divisorOperation)
    {
        if (kind is not (BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder) || !IsDivisible(operation.Type))
        {
            return;
        }

        var location = divisorOperation.Syntax.GetLocation();
        var verb = kind == BinaryOperatorKind.Divide ? "divisor" : "modulus";
        if (divisor.IsTainted)
        {
            CheckSink(divisor, DivideByZeroKind, location, $"used as a {verb} without a check against zero");
        }

        // A literal zero written as the divisor is deliberate (1.0 / 0 is infinity); a variable that holds zero on this path is not.
        if (divisor.HasConstant && IsZero(divisor.Constant) && !Unwrap(divisorOperation)!.ConstantValue.HasValue)
        {
            var sink = new TaintStep(operation.Syntax.GetLocation(), $"used as a {verb}: division by zero", TraceStepKind.Sink, _member);
            ReportKnownZero(location, TaintTrace.Start(sink));
        }
    }

    /// <summary>
    /// A callee divides by its parameter without a check (a divide-by-zero fact of its summary) and
    /// this call passes a value known to be zero.
    /// </summary>
    private void CheckKnownZeroArgument(SummarySink sink, TaintValue argument, TaintStep pass)
    {
        if (sink.Kind == DivideByZeroKind && argument.HasConstant && IsZero(argument.Constant)
            && (sink.Sanitized & _session.Catalog.Kinds.MaskOf(DivideByZeroKind)) == 0)
        {
            ReportKnownZero(pass.Location, TaintTrace.Start(pass).Concat(sink.Trace));
        }
    }

    private void ReportKnownZero(Location location, TaintTrace rest)
    {
        var description = "a value known to be zero on this path";
        var source = new TaintSource(KnownValueThreatModel, "known-value", description, location);
        var start = new TaintStep(location, "holds zero on this path", TraceStepKind.Source, _member);
        _session.Findings.Add(new PendingFinding(source, DivideByZeroKind, TaintTrace.Start(start).Concat(rest)));
    }

    private static bool IsDivisible(ITypeSymbol? type) =>
        IsInteger(type) || type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    private static bool IsZero(object? value) => value switch
    {
        float f => f == 0,
        double d => d == 0,
        decimal m => m == 0,
        sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) == 0,
        _ => false,
    };
}
