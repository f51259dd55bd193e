using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Osprey.CSharp.Models;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// An array sized by input may be empty: <c>if (size &gt;= 0) array = new int[size]; array[0] = 5;</c>
/// throws for a size of 0. The array value keeps its size's origins in a pseudo-field, sanitised
/// for every kind but <c>empty-array-index</c> (so passing the array around reaches no other
/// sink); indexing it at a constant position reports them unless a check proved the size at
/// least 1 (<c>size &gt; 0</c>, <c>size &gt;= 1</c>).
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>The sink kind of a constant index into an input-sized array.</summary>
    private const string EmptyArrayIndexKind = "empty-array-index";

    /// <summary>The pseudo-field of an array value holding its (first) size's origins.</summary>
    private const string InputLengthField = "#length";

    /// <summary><paramref name="array"/> with the origins of its first dimension's size, when that is input.</summary>
    private TaintValue WithInputLength(TaintValue[] sizes, TaintValue array)
    {
        if (sizes.Length == 0 || !sizes[0].IsTainted)
        {
            return array;
        }

        var onlyEmptyIndex = SinkKindSet.AllExcept(_session.Catalog.Kinds.MaskOf(EmptyArrayIndexKind));
        return array.WithField(InputLengthField, TaintValue.OfOrigins([.. sizes[0].Origins.Select(o => o.WithSanitized(onlyEmptyIndex))]));
    }

    /// <summary>Reports <c>array[k]</c> with a constant <c>k</c> on an array whose size is input not proved to be at least 1.</summary>
    private void CheckIndexIntoInputSizedArray(IArrayElementReferenceOperation element, TaintState state)
    {
        if (element.Indices.Length != 1 || element.Indices[0].ConstantValue is not { HasValue: true, Value: int position } || position < 0
            || element.ArrayReference is not (ILocalReferenceOperation or IParameterReferenceOperation))
        {
            return;
        }

        var array = Eval(element.ArrayReference, state);
        if (array.Fields.TryGetValue(InputLengthField, out var length))
        {
            CheckSink(length, EmptyArrayIndexKind, element.Syntax.GetLocation(),
                $"indexed at {position.ToString(CultureInfo.InvariantCulture)}, although an array of that size may be empty");
        }
    }

    /// <summary>
    /// On the branch where a lower bound holds, whether it proves the variable at least 1:
    /// <c>size &gt; c</c> with c ≥ 0 or <c>size &gt;= c</c> with c ≥ 1 (written either way round, or negated).
    /// </summary>
    private static bool ProvesAtLeastOne(IBinaryOperation comparison, IOperation bound, bool outcome, TaintState state)
    {
        var constant = bound.ConstantValue.HasValue ? bound.ConstantValue.Value
            : Unwrap(bound) is ILocalReferenceOperation local && state.Get(local.Local) is { HasConstant: true } known ? known.Constant : null;
        if (ToBig(constant) is not { } c)
        {
            return false;
        }

        // Strict when the relation that holds on this branch is < or > (a false <= is a >).
        var strictOperator = comparison.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.GreaterThan;
        var strict = outcome == strictOperator;
        return strict ? c >= 0 : c >= 1;
    }
}
