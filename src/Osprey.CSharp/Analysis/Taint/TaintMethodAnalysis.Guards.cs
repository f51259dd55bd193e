using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Osprey.CSharp.Models;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Barrier guards: on the branch where a validating call returned the value its model names
/// (<c>Regex.IsMatch</c> true, <c>allowList.Contains</c> true, <c>Url.IsLocalUrl</c> true), the
/// checked variable is sanitised for the guard's kind. Comparing a variable with a constant string
/// makes it that constant on the equal branch.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private TaintState Refine(TaintState state, IOperation condition, bool outcome)
    {
        while (true)
        {
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    condition = not.Operand;
                    outcome = !outcome;
                    continue;
                case IConversionOperation conversion:
                    condition = conversion.Operand;
                    continue;
            }

            break;
        }

        RefineParseWitness(condition, outcome, state);
        RefineBound(condition, outcome, state);
        RefineNonZero(condition, outcome, state);
        switch (condition)
        {
            case IInvocationOperation invocation:
                foreach (var guard in _session.Catalog.For(invocation.TargetMethod, invocation.Instance?.Type).Guards)
                {
                    if (guard.Branch != outcome)
                    {
                        continue;
                    }

                    var mask = _session.Catalog.Kinds.MaskOf(guard.Kind);
                    foreach (var index in guard.Input.Indices(invocation.TargetMethod.Parameters.Length))
                    {
                        SanitizeEntity(index < 0 ? invocation.Instance : invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == index)?.Value, mask, state);
                    }
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when (comparison.OperatorKind == BinaryOperatorKind.Equals) == outcome:
                if (comparison.RightOperand.ConstantValue is { HasValue: true, Value: string })
                {
                    SanitizeEntity(comparison.LeftOperand, _session.Catalog.Kinds.InjectionMask, state);
                }
                else if (comparison.LeftOperand.ConstantValue is { HasValue: true, Value: string })
                {
                    SanitizeEntity(comparison.RightOperand, _session.Catalog.Kinds.InjectionMask, state);
                }

                break;
        }

        return state;
    }

    private void SanitizeEntity(IOperation? operation, ulong mask, TaintState state)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        object? entity = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };
        if (entity is not null && mask != 0)
        {
            var value = state.Get(entity);
            state.Set(entity, Sanitize(value, mask).WithFieldsSanitized(mask));
        }
    }
}
