using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Follows a value backwards to the places it may have been made: literals, reads from outside,
/// hashing or encryption, through locals (the assignments that can still hold at the read),
/// parameters (the arguments of every call, or of the call the walk came in through), what
/// methods of the program return, fields (the writes just before the call that led here), and the
/// contents of arrays, collections, streams and objects (whatever was put into them).
/// Library calls that only reshape data (string, encoding, conversion, collection and stream
/// methods) are followed into their receiver and arguments; other library calls are reads from outside.
/// Used by the misuse checks to ask "is this password a literal?" and "is this stored value a secret
/// read from outside, and was it hashed first?" at their sinks. Bounded; context-sensitive one call deep.
/// </summary>
internal sealed partial class ValueOrigins(ProgramIndex index)
{
    /// <summary>The program the values are followed through.</summary>
    public ProgramIndex Program => index;

    private const int Budget = 600;

    private static readonly HashSet<string> ReshapingTypes = new(StringComparer.Ordinal)
    {
        "String", "StringBuilder", "Encoding", "UTF8Encoding", "ASCIIEncoding", "UnicodeEncoding", "Convert", "Enumerable", "Array", "List", "LinkedList",
        "LinkedListNode", "Dictionary", "Hashtable", "ArrayList", "Queue", "Stack", "HashSet", "SortedList", "KeyValuePair", "MemoryStream", "BinaryFormatter",
        "IFormatter", "Object", "Char", "BitConverter", "ReadOnlySpan", "Span", "Tuple", "ValueTuple", "CollectionExtensions", "Marshal", "StringExtensions",
        "ICollection", "IList", "IDictionary", "IEnumerable", "IEnumerator", "NameValueCollection",
    };

    private readonly record struct Step(IOperation Operation, ImmutableStack<IOperation> Calls, bool Decoded);

    /// <summary>
    /// The origins of <paramref name="value"/>. The walk stops at operations <paramref name="boundary"/>
    /// accepts and reports them as <see cref="OriginKind.Boundary"/>, and after <paramref name="budget"/> steps
    /// (default 600; sinks as common as log calls pass less).
    /// </summary>
    public IEnumerable<ValueOrigin> Of(IOperation value, Func<IOperation, bool>? boundary = null, int budget = Budget)
    {
        var visited = new HashSet<(IOperation, IOperation?)>();
        var pending = new Stack<Step>();
        pending.Push(new Step(value, ImmutableStack<IOperation>.Empty, false));
        var steps = 0;
        while (pending.Count > 0 && steps++ < budget)
        {
            var step = pending.Pop();
            var op = step.Operation;
            if (!visited.Add((op, step.Calls.IsEmpty ? null : step.Calls.Peek())))
            {
                continue;
            }

            if (boundary?.Invoke(op) == true)
            {
                yield return new ValueOrigin(OriginKind.Boundary, op, step.Decoded);
                continue;
            }

            if (op.ConstantValue.HasValue)
            {
                var literal = op.ConstantValue.Value is string text && !string.IsNullOrWhiteSpace(text);
                yield return new ValueOrigin(literal ? OriginKind.Literal : OriginKind.Constant, op, step.Decoded);
                continue;
            }

            if (Direct(op, step) is { } origin)
            {
                yield return origin;
                continue;
            }

            var any = false;
            foreach (var next in Next(op, step))
            {
                any = true;
                pending.Push(next);
            }

            if (!any && op is IParameterReferenceOperation)
            {
                // Nobody in the program passes it (an entry point, a lambda's parameter): anything can come in.
                yield return new ValueOrigin(OriginKind.Unknown, op, step.Decoded);
            }
        }
    }

    /// <summary>An origin <paramref name="op"/> is by itself, or null when the walk goes on past it.</summary>
    private ValueOrigin? Direct(IOperation op, Step step) => op switch
    {
        IArrayCreationOperation { Initializer: { ElementValues.Length: > 0 } init } when init.ElementValues.All(e => e.ConstantValue.HasValue) =>
            new ValueOrigin(OriginKind.Literal, op, step.Decoded),
        IInvocationOperation invocation when IsProtection(invocation.TargetMethod) => new ValueOrigin(OriginKind.Protected, op, step.Decoded),
        IInvocationOperation invocation when !index.InProgram(invocation.TargetMethod) && !Reshapes(invocation.TargetMethod) && !FromSourceLibrary(invocation.TargetMethod)
            && !ReadsMemory(invocation.Instance, 0) =>
            new ValueOrigin(OriginKind.Input, op, step.Decoded),
        IObjectCreationOperation { Type.Name: "CryptoStream" } => new ValueOrigin(OriginKind.Protected, op, step.Decoded),
        IPropertyReferenceOperation { Instance: null, Property: var property } when !index.InProgram(property) => new ValueOrigin(OriginKind.Unknown, op, step.Decoded),
        IDefaultValueOperation => new ValueOrigin(OriginKind.Constant, op, step.Decoded),
        IInstanceReferenceOperation => new ValueOrigin(OriginKind.Unknown, op, step.Decoded),
        _ => null,
    };

    private IEnumerable<Step> Next(IOperation op, Step step)
    {
        Step To(IOperation next) => step with { Operation = next };
        switch (op)
        {
            case IConversionOperation conversion:
                yield return To(conversion.Operand);
                break;
            case IParenthesizedOperation parenthesized:
                yield return To(parenthesized.Operand);
                break;
            case IBinaryOperation binary:
                yield return To(binary.LeftOperand);
                yield return To(binary.RightOperand);
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts.OfType<IInterpolationOperation>())
                {
                    yield return To(part.Expression);
                }

                break;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                yield return To(conditional.WhenTrue);
                yield return To(whenFalse);
                break;
            case ICoalesceOperation coalesce:
                yield return To(coalesce.Value);
                yield return To(coalesce.WhenNull);
                break;
            case IAwaitOperation awaited:
                yield return To(awaited.Operation);
                break;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    yield return To(element);
                }

                break;
            case ICollectionExpressionOperation collection:
                foreach (var element in collection.Elements)
                {
                    yield return To(element is ISpreadOperation spread ? spread.Operand : element);
                }

                break;
            case IArrayElementReferenceOperation element:
                yield return To(element.ArrayReference);
                break;
            case ILocalReferenceOperation local:
                foreach (var next in VariableValues(local, local.Local, out _))
                {
                    yield return To(next);
                }

                break;
            case IParameterReferenceOperation parameter:
                foreach (var next in ParameterValues(parameter, step))
                {
                    yield return next;
                }

                break;
            case IFieldReferenceOperation or IPropertyReferenceOperation:
                foreach (var next in MemberValues((IMemberReferenceOperation)op))
                {
                    yield return To(next);
                }

                break;
            case IInvalidOperation invalid:
                // A call the compiler could not bind (a missing reference): assume it reshapes its operands.
                foreach (var child in invalid.ChildOperations)
                {
                    yield return To(child);
                }

                break;
            case IInvocationOperation invocation when index.InProgram(invocation.TargetMethod):
                foreach (var returned in index.Returns(invocation.TargetMethod))
                {
                    yield return step with { Operation = returned, Calls = step.Calls.Push(invocation) };
                }

                break;
            case IInvocationOperation invocation:
                var decoded = step.Decoded || invocation.TargetMethod.Name is "FromBase64String" or "FromBase64CharArray" or "FromHexString";
                if (invocation.Instance is { } instance)
                {
                    yield return step with { Operation = instance, Decoded = decoded };
                }

                foreach (var argument in invocation.Arguments)
                {
                    yield return step with { Operation = argument.Value, Decoded = decoded };
                }

                break;
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    yield return To(argument.Value);
                }

                foreach (var initializer in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? [])
                {
                    yield return To(initializer.Value);
                }

                break;
        }
    }

    /// <summary>Whether a reader or stream reads bytes or text the program holds in memory (<c>new StreamReader(new MemoryStream(buffer))</c>).</summary>
    private static bool ReadsMemory(IOperation? receiver, int depth)
    {
        if (receiver is null || depth > 4)
        {
            return false;
        }

        return receiver switch
        {
            IConversionOperation conversion => ReadsMemory(conversion.Operand, depth + 1),
            ILocalReferenceOperation local => Assigned(local).Any(v => ReadsMemory(v, depth + 1)),
            IObjectCreationOperation { Type.Name: "MemoryStream" or "StringReader" } => true,
            IObjectCreationOperation { Type.Name: "StreamReader" or "BinaryReader", Arguments: [{ } inner, ..] } => ReadsMemory(inner.Value, depth + 1),
            _ => false,
        };
    }

    /// <summary>A method of another project of the solution: unseen here, but the user's own code, so assumed to reshape its operands.</summary>
    private bool FromSourceLibrary(IMethodSymbol method) => !index.InProgram(method) && method.Locations.Any(l => l.IsInSource);

    private static bool Reshapes(IMethodSymbol method) =>
        method.Name is "ToString" or "ToArray" or "ToCharArray" or "ToList" or "Clone" or "GetValueOrDefault"
        || (method.ContainingType is { } type && (ReshapingTypes.Contains(type.Name) || type.SpecialType == SpecialType.System_String
            || type.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic" or "System.Collections" or "System.Linq"));

    /// <summary>Hashing, encryption, decryption and data protection: the value that comes out is not the clear text that went in.</summary>
    internal static bool IsProtection(IMethodSymbol method)
    {
        var name = method.Name;
        if (name is "GetBytes")
        {
            return method.ContainingType?.Name is "Rfc2898DeriveBytes" or "PasswordDeriveBytes";
        }

        return name is "ComputeHash" or "HashData" or "TransformFinalBlock" or "TransformBlock" or "Protect" or "Unprotect" or "Pbkdf2"
            || name.StartsWith("Encrypt", StringComparison.Ordinal) || name.StartsWith("Decrypt", StringComparison.Ordinal)
            || (name.Contains("Hash", StringComparison.OrdinalIgnoreCase) && name != "GetHashCode" && method.ContainingType?.Name is not ("HashSet" or "Hashtable" or "HashCode"));
    }
}
