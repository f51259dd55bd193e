using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>Evaluation of operations: the transfer functions.</summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>Evaluates <paramref name="operation"/> in <paramref name="state"/>, applying its side effects.</summary>
    private TaintValue Eval(IOperation operation, TaintState state)
    {
        EnsureStack();
        if (operation.ConstantValue.HasValue)
        {
            return TaintValue.OfConstant(operation.ConstantValue.Value);
        }

        var value = EvalCore(operation, state);
        if (ReferenceEquals(value, TaintValue.Bottom))
        {
            value = TaintValue.Unknown;
        }

        if (value.IsTainted && IsSimpleType(operation.Type))
        {
            // A number, a Boolean or an enum cannot carry an injection payload (CodeQL's simple-type
            // sanitizer), though it still controls a setting it becomes (SinkKindSet.NumberMask).
            value = Sanitize(value, _session.Catalog.Kinds.NumberMask);
        }

        return value;
    }

    // A loop, not a lambda: a lambda over state would make EvalCore allocate its closure on every call.
    private TaintValue ArrayElements(IArrayInitializerOperation elements, TaintState state)
    {
        var merged = TaintValue.Bottom;
        foreach (var element in elements.ElementValues)
        {
            merged = TaintValue.Merge(merged, Eval(element, state).WithoutConstant());
        }

        return merged;
    }

    private TaintValue EvalCore(IOperation operation, TaintState state)
    {
        switch (operation)
        {
            case IFlowCaptureOperation capture:
                if (capture.Value is IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation)
                {
                    // The graph captures assignment targets too (`x.F = a ?? b`); a write through the capture writes the target.
                    _captureTargets[capture.Id] = capture.Value;
                }

                state.Set(capture.Id, Eval(capture.Value, state));
                return TaintValue.Bottom;
            case IFlowCaptureReferenceOperation reference:
                return state.Get(reference.Id);
            case ILocalReferenceOperation local:
                return state.Get(local.Local);
            case IParameterReferenceOperation parameter:
                return state.Get(parameter.Parameter);
            case IInstanceReferenceOperation:
                return state.Get(TaintState.This);
            case ICaughtExceptionOperation:
                return state.Get(TaintState.Thrown);
            case IFieldReferenceOperation field:
                return ReadField(field, state);
            case IPropertyReferenceOperation property:
                return ReadProperty(property, state);
            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    CheckIndex(Eval(index, state), index);
                }

                CheckIndexIntoInputSizedArray(element, state);

                return Eval(element.ArrayReference, state).Read(TaintValue.Element).WithoutConstant();
            case IInvocationOperation invocation:
                return WithRandomRange(invocation, Call(invocation.TargetMethod, invocation.Instance, invocation.Arguments, invocation, state, invocation.IsVirtual));
            case IObjectCreationOperation creation:
                return Construct(creation, state);
            case IDelegateCreationOperation creation:
                return Eval(creation.Target, state);
            case IMethodReferenceOperation method:
                return TaintValue.OfDelegate(method.Method.OriginalDefinition);
            case IFlowAnonymousFunctionOperation function:
                return TaintValue.OfDelegate(new LambdaTarget(_graph, function, state.Clone(), this));
            case ISimpleAssignmentOperation assignment:
                var assigned = WithStoredRandomRange(assignment.Value, WithStoredLimit(assignment.Value, Eval(assignment.Value, state)));
                Write(assignment.Target, assigned, state, assignment);
                return assigned;
            case ICompoundAssignmentOperation compound:
                var target = Eval(compound.Target, state);
                var operand = Eval(compound.Value, state);
                CheckArithmetic(target, operand, compound.OperatorKind, compound);
                CheckDivisor(operand, compound.OperatorKind, compound, compound.Value);
                CheckKnownValueArithmetic(target, operand, compound.OperatorKind, compound, compound.IsChecked);
                CheckKnownValueOrigins(target, operand, compound.OperatorKind, compound, compound.IsChecked);
                var combined = Combine(target, operand, compound.OperatorKind, compound);
                Write(compound.Target, combined, state, compound);
                return combined;
            case IIncrementOrDecrementOperation increment:
                var before = Eval(increment.Target, state);
                CheckIncrement(increment, before);
                CheckKnownValueIncrement(increment, before);
                var incremented = WithoutKnownValues(before.WithoutConstant());
                Write(increment.Target, incremented, state, increment);
                return incremented;
            case IBinaryOperation binary:
                var left = Eval(binary.LeftOperand, state);
                var right = Eval(binary.RightOperand, state);
                CheckArithmetic(left, right, binary.OperatorKind, binary);
                CheckDivisor(right, binary.OperatorKind, binary, binary.RightOperand);
                CheckKnownValueArithmetic(left, right, binary.OperatorKind, binary, binary.IsChecked);
                CheckKnownValueOrigins(left, right, binary.OperatorKind, binary, binary.IsChecked);
                CheckLoopBound(binary, left, right);
                return Combine(left, right, binary.OperatorKind, binary);
            case IUnaryOperation unary:
                return Unary(unary, Eval(unary.Operand, state));
            case IConversionOperation conversion:
                var converted = Eval(conversion.Operand, state);
                CheckNarrowing(conversion, converted);
                return converted;
            case IInterpolatedStringOperation interpolated:
                return Interpolate(interpolated, state);
            case IArrayCreationOperation array:
                var sizes = new TaintValue[array.DimensionSizes.Length];
                for (var i = 0; i < sizes.Length; i++)
                {
                    sizes[i] = Eval(array.DimensionSizes[i], state);
                    CheckSink(sizes[i], "tainted-size", array.DimensionSizes[i].Syntax.GetLocation(), "used as an array size");
                }

                return WithInputLength(sizes, array.Initializer is { } arrayInitializer
                    ? TaintValue.Bottom.WithField(TaintValue.Element, Eval(arrayInitializer, state))
                    : TaintValue.Bottom);
            case IArrayInitializerOperation elements:
                return ArrayElements(elements, state);
            case IAwaitOperation await:
                return Eval(await.Operation, state);
            case ITupleOperation tuple:
                var tupleValue = TaintValue.Bottom;
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    tupleValue = tupleValue.WithField("Item" + (i + 1), Eval(tuple.Elements[i], state));
                }

                return tupleValue;
            case IDeclarationExpressionOperation declaration:
                return Eval(declaration.Expression, state);
            case IIsNullOperation or IIsTypeOperation or IIsPatternOperation or ITypeOfOperation or ISizeOfOperation or INameOfOperation:
                foreach (var child in operation.ChildOperations)
                {
                    Eval(child, state);
                }

                return TaintValue.Bottom;
            case IDefaultValueOperation or ILiteralOperation or IStaticLocalInitializationSemaphoreOperation or IDiscardOperation:
                return TaintValue.Bottom;
            case IExpressionStatementOperation statement:
                return Eval(statement.Operation, state);
            case IDeconstructionAssignmentOperation deconstruction:
                var whole = Eval(deconstruction.Value, state);
                Write(deconstruction.Target, whole, state, deconstruction);
                return whole;
            case IAnonymousObjectCreationOperation anonymous:
                var anonymousValue = TaintValue.Bottom;
                foreach (var member in anonymous.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    if (member.Target is IPropertyReferenceOperation property)
                    {
                        anonymousValue = anonymousValue.WithField(property.Property.Name, Eval(member.Value, state));
                    }
                }

                return anonymousValue;
            default:
                return MergeChildren(operation, state);
        }
    }

    private TaintValue MergeChildren(IOperation operation, TaintState state)
    {
        var result = TaintValue.Bottom;
        foreach (var child in operation.ChildOperations)
        {
            result = TaintValue.Merge(result, Eval(child, state).WithoutConstant());
        }

        return result.WithoutConstant().WithTypes([]);
    }

    private TaintValue Unary(IUnaryOperation unary, TaintValue operand)
    {
        if (operand.HasConstant)
        {
            switch (unary.OperatorKind)
            {
                case UnaryOperatorKind.Not when operand.Constant is bool b:
                    return TaintValue.OfConstant(!b);
                case UnaryOperatorKind.Minus when operand.Constant is int i:
                    return TaintValue.OfConstant(-i);
            }
        }

        return operand.WithoutConstant();
    }

    private TaintValue Interpolate(IInterpolatedStringOperation interpolated, TaintState state)
    {
        var result = TaintValue.Bottom;
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation hole)
            {
                result = TaintValue.Merge(result, Eval(hole.Expression, state).WithoutConstant());
                if (hole.Alignment is { } alignment)
                {
                    Eval(alignment, state);
                }
            }
        }

        return AppendStep(TaintValue.OfOrigins(result.AllOrigins()), interpolated.Syntax.GetLocation(), "interpolated into a string");
    }

    private TaintValue Combine(TaintValue left, TaintValue right, BinaryOperatorKind kind, IOperation operation)
    {
        if (left.HasConstant && right.HasConstant && ConstantFolding.TryFold(kind, left.Constant, right.Constant, out var folded))
        {
            return TaintValue.OfConstant(folded);
        }

        if (kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
            or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.ObjectValueEquals or BinaryOperatorKind.ObjectValueNotEquals)
        {
            return TaintValue.Bottom;
        }

        var origins = WithoutKnownValues(TaintValue.MergeOrigins(left.AllOrigins(), right.AllOrigins()));
        if (origins.IsEmpty)
        {
            return TaintValue.Bottom;
        }

        var isText = operation.Type?.SpecialType == SpecialType.System_String;
        return AppendStep(TaintValue.OfOrigins(origins), operation.Syntax.GetLocation(), isText ? "concatenated into a string" : "used in arithmetic");
    }

    private TaintValue AppendStep(TaintValue value, Location location, string description, Osprey.Core.Findings.TraceStepKind kind = Osprey.Core.Findings.TraceStepKind.Step)
    {
        if (value.Origins.IsEmpty)
        {
            return value;
        }

        var step = new TaintStep(location, description, kind, _member);
        return value.WithOrigins([.. value.Origins.Select(o => o.Append(step))]);
    }

    private static TaintValue Sanitize(TaintValue value, ulong mask) =>
        mask == 0 || value.Origins.IsEmpty ? value : value.WithOrigins([.. value.Origins.Select(o => o.WithSanitized(mask))]);

    private static bool IsSimpleType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
            or SpecialType.System_Decimal or SpecialType.System_DateTime
            || type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" && type.ContainingNamespace?.Name == "System";
    }
}
