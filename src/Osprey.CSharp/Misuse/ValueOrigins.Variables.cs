using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Misuse;

/// <summary>Locals, parameters and fields: which writes can still hold where the value is read.</summary>
internal sealed partial class ValueOrigins
{
    private const int CallerDepth = 3;

    /// <summary>The most callers looked at on one level, so a field read in a method with many callers stays cheap.</summary>
    private const int MaxCallers = 32;

    /// <summary>
    /// The values a local or parameter may hold at <paramref name="read"/>: the writes before it in source order,
    /// back to the first one that always runs on the way (one inside an <c>if</c>, a loop or a <c>catch</c>
    /// may not have run), and whatever was put into the object it holds. <paramref name="overwritten"/> tells
    /// whether such a write always runs, so that a parameter's incoming value no longer matters.
    /// </summary>
    private static List<IOperation> VariableValues(IOperation read, ISymbol variable, out bool overwritten)
    {
        var root = ValueFlow.Root(read);
        var values = new List<IOperation>();
        var writes = new List<(int Position, IOperation Value, SyntaxNode At)>();
        foreach (var op in root.Descendants())
        {
            switch (op)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator when Same(declarator.Symbol, variable):
                    writes.Add((declarator.Syntax.SpanStart, value, declarator.Syntax));
                    break;
                case ISimpleAssignmentOperation { Target: var target } assignment when Refers(target, variable):
                    writes.Add((assignment.Syntax.SpanStart, assignment.Value, assignment.Syntax));
                    break;
                case ICompoundAssignmentOperation { Target: var target } compound when Refers(target, variable):
                    writes.Add((compound.Syntax.SpanStart, compound.Value, compound.Syntax.Parent!));
                    break;
                case IForEachLoopOperation loop when loop.Locals.Any(l => Same(l, variable)):
                    writes.Add((loop.Syntax.SpanStart, loop.Collection, loop.Syntax.Parent!));
                    break;
                case IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter.RefKind: RefKind.Out or RefKind.Ref, Value: var target, Parent: { } call } when Refers(target, variable):
                    writes.Add((call.Syntax.SpanStart, call, call.Syntax.Parent!));
                    break;
                case ILocalReferenceOperation or IParameterReferenceOperation when op != read && Refers(op, variable):
                    values.AddRange(ContentWrites(op));
                    break;
            }
        }

        overwritten = false;
        var position = read.Syntax.SpanStart;
        var before = writes.Where(w => w.Position < position).OrderByDescending(w => w.Position).ToList();
        if (before.Count == 0)
        {
            values.AddRange(writes.Select(w => w.Value));
            return values;
        }

        var kept = new List<SyntaxNode>();
        foreach (var write in before)
        {
            // A later write that always runs after this one, on the way to the read, replaces it
            // (data = input; ... data = Decrypt(data) in the same branch).
            if (kept.Any(later => AlwaysRunsBefore(later, write.At)))
            {
                continue;
            }

            kept.Add(write.At);
            values.Add(write.Value);
            if (AlwaysRunsBefore(write.At, read.Syntax))
            {
                overwritten = true;
                break;
            }
        }

        return values;
    }

    private static bool Refers(IOperation operation, ISymbol variable) => operation switch
    {
        ILocalReferenceOperation local => Same(local.Local, variable),
        IParameterReferenceOperation parameter => Same(parameter.Parameter, variable),
        _ => false,
    };

    /// <summary>Every value assigned to the local <paramref name="read"/> reads, anywhere in its member.</summary>
    internal static IEnumerable<IOperation> Assigned(ILocalReferenceOperation read) =>
        ValueFlow.Root(read).Descendants().Select(op => op switch
        {
            IVariableDeclaratorOperation { Initializer.Value: { } value } declarator when Same(declarator.Symbol, read.Local) => value,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when Same(target.Local, read.Local) => assignment.Value,
            _ => null,
        }).OfType<IOperation>();

    /// <summary>What a use of an object puts into it: elements, fields, items added, data serialized into a stream.</summary>
    private static IEnumerable<IOperation> ContentWrites(IOperation reference)
    {
        while (reference.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            reference = conversion;
        }

        switch (reference.Parent)
        {
            case IInvocationOperation call when call.Instance == reference && IsAdding(call.TargetMethod.Name):
                foreach (var argument in call.Arguments)
                {
                    yield return argument.Value;
                }

                break;
            case IArrayElementReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                when reference.Parent.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference.Parent:
                yield return assignment.Value;
                break;
            case IArgumentOperation { Parent: IInvocationOperation call } when SinkCategories.DerivesFrom(reference.Type as INamedTypeSymbol, "Stream"):
                // bf.Serialize(stream, value): the value is written into the stream.
                foreach (var argument in call.Arguments.Where(a => a.Value != reference))
                {
                    yield return argument.Value;
                }

                break;
        }
    }

    private static bool IsAdding(string name) =>
        name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Append", StringComparison.Ordinal) || name.StartsWith("Insert", StringComparison.Ordinal)
        || name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Set", StringComparison.Ordinal)
        || name is "Push" or "Enqueue" or "TryAdd" or "Put" or "Add";

    /// <summary>
    /// The arguments that may have been passed as <paramref name="read"/>'s parameter: of the call the
    /// walk came in through when there is one, else of every call in the program whose receiver can be
    /// an instance of the method's type.
    /// </summary>
    private IEnumerable<Step> ParameterValues(IParameterReferenceOperation read, Step step)
    {
        var values = VariableValues(read, read.Parameter, out var overwritten);
        foreach (var value in values)
        {
            yield return step with { Operation = value };
        }

        if (overwritten)
        {
            yield break;
        }

        if (read.Parameter.ContainingSymbol is not IMethodSymbol method || method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction)
        {
            yield break;
        }

        var ordinal = read.Parameter.Ordinal;
        if (!step.Calls.IsEmpty)
        {
            var call = step.Calls.Peek();
            if (Argument(call, ordinal) is { } argument)
            {
                yield return step with { Operation = argument, Calls = step.Calls.Pop() };
            }

            yield break;
        }

        foreach (var call in index.CallSites(method))
        {
            if (ReceiverMayBe(call, method.ContainingType) && Argument(call, ordinal) is { } argument)
            {
                yield return step with { Operation = argument };
            }
        }
    }

    private static IOperation? Argument(IOperation call, int ordinal)
    {
        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => [],
        };
        return arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value;
    }

    /// <summary>False when the call's receiver is a local that only ever holds objects of types unrelated to <paramref name="type"/>.</summary>
    private static bool ReceiverMayBe(IOperation call, INamedTypeSymbol type)
    {
        if (call is not IInvocationOperation { Instance: { } instance } || Unwrap(instance) is not ILocalReferenceOperation local)
        {
            return true;
        }

        var created = ValueFlow.Root(call).Descendants()
            .Select(o => o switch
            {
                IVariableDeclaratorOperation { Initializer.Value: var v } d when Same(d.Symbol, local.Local) => Unwrap(v),
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation t, Value: var v } when Same(t.Local, local.Local) => Unwrap(v),
                _ => null,
            })
            .Where(v => v is not null)
            .ToList();
        return created.Count == 0 || created.Any(v => v is not IObjectCreationOperation { Type: INamedTypeSymbol concrete } || SinkCategories.DerivesFrom(concrete, type.Name));
    }

    private static IOperation Unwrap(IOperation operation) => operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;

    /// <summary>The values a field or property read may see.</summary>
    private IEnumerable<IOperation> MemberValues(IMemberReferenceOperation read)
    {
        var member = read.Member;
        if (read is IPropertyReferenceOperation { Arguments.Length: > 0 } || !index.InProgram(member))
        {
            // An indexer or a library property: something taken out of the object.
            if (read.Instance is { } instance)
            {
                yield return instance;
            }

            yield break;
        }

        if (member is IPropertySymbol { GetMethod: { } getter } && index.Returns(getter) is { Length: > 0 } returned)
        {
            foreach (var value in returned)
            {
                yield return value;
            }

            yield break;
        }

        if (read.Instance is { } target && target is not IInstanceReferenceOperation)
        {
            yield return target;
            yield break;
        }

        foreach (var value in FieldValues(member, read))
        {
            yield return value;
        }
    }

    /// <summary>
    /// The writes of a field of this object or a static field that can hold at <paramref name="read"/>: those
    /// before it in its member, else those just before the calls that lead to the member (up to
    /// <see cref="CallerDepth"/> callers up), else every write in the program.
    /// </summary>
    private IEnumerable<IOperation> FieldValues(ISymbol member, IOperation read)
    {
        var found = new List<IOperation>();
        var frontier = new List<(IOperation Root, int Position, SyntaxNode At)> { (ValueFlow.Root(read), read.Syntax.SpanStart, read.Syntax) };
        for (var depth = 0; depth <= CallerDepth && frontier.Count > 0; depth++)
        {
            var next = new List<(IOperation, int, SyntaxNode)>();
            foreach (var (root, position, at) in frontier)
            {
                var (values, always) = PriorWrites(root, member, position, at);
                found.AddRange(values);
                if (always)
                {
                    continue;
                }

                if (EnclosingMethod(root) is { } method && next.Count < MaxCallers)
                {
                    next.AddRange(index.CallSites(method).Take(MaxCallers - next.Count).Select(c => (ValueFlow.Root(c), c.Syntax.SpanStart, c.Syntax)));
                }
            }

            frontier = next;
        }

        if (found.Count == 0)
        {
            found.AddRange(index.Writes(member).Select(w => w.Value));
            if (index.Initializer(member) is { } initializer)
            {
                found.Add(initializer);
            }
        }

        return found;
    }

    private (List<IOperation> Values, bool Always) PriorWrites(IOperation root, ISymbol member, int position, SyntaxNode at)
    {
        var writes = root.Descendants().OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Syntax.SpanStart < position && MisuseContext.MemberOf(a.Target) is { } written
                && SymbolEqualityComparer.Default.Equals(written.OriginalDefinition, member.OriginalDefinition)
                && a.Target is IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation })
            .OrderByDescending(a => a.Syntax.SpanStart);
        var values = new List<IOperation>();
        foreach (var write in writes)
        {
            values.Add(write.Value);
            if (AlwaysRunsBefore(write.Syntax, at))
            {
                return (values, true);
            }
        }

        return (values, false);
    }

    private static IMethodSymbol? EnclosingMethod(IOperation root) =>
        root.SemanticModel is { } model ? (model.GetDeclaredSymbol(root.Syntax) ?? model.GetEnclosingSymbol(root.Syntax.SpanStart)) as IMethodSymbol : null;

    /// <summary>
    /// Whether <paramref name="write"/>, which comes before <paramref name="read"/> in the text, always runs before it:
    /// no branch, loop, <c>catch</c> or lambda lies between it and the statement list they share.
    /// </summary>
    private static bool AlwaysRunsBefore(SyntaxNode write, SyntaxNode read)
    {
        var shared = write.Ancestors().FirstOrDefault(a => a.Span.Contains(read.Span));
        for (var current = write.Parent; current is not null && current != shared; current = current.Parent)
        {
            if (current.Kind() is SyntaxKind.IfStatement or SyntaxKind.ElseClause or SyntaxKind.SwitchSection or SyntaxKind.WhileStatement or SyntaxKind.DoStatement
                or SyntaxKind.ForStatement or SyntaxKind.ForEachStatement or SyntaxKind.CatchClause or SyntaxKind.ConditionalExpression
                or SyntaxKind.ParenthesizedLambdaExpression or SyntaxKind.SimpleLambdaExpression or SyntaxKind.AnonymousMethodExpression or SyntaxKind.LocalFunctionStatement
                or SyntaxKind.CoalesceExpression or SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.SwitchExpressionArm)
            {
                return false;
            }
        }

        return shared is not null;
    }

    private static bool Same(ISymbol a, ISymbol b) => SymbolEqualityComparer.Default.Equals(a, b);
}
