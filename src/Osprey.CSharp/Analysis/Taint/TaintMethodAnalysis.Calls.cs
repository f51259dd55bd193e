using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Calls: delegates and local functions, source methods through their summaries (dispatched over
/// the class hierarchy), library methods through their models or the default assumption.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private TaintValue Call(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, IOperation call, TaintState state, bool isVirtual)
    {
        var receiver = instance is null ? TaintValue.Bottom : Eval(instance, state);
        var (args, argOps) = EvalArguments(method, arguments, state);
        var result = Dispatch(new CallSite(method, instance, receiver, args, argOps, call), state, isVirtual);
        return instance is ILocalReferenceOperation { Type: { } type } list && type.Name == "List"
            ? Positional(list.Local, method, args, call, result, state)
            : result;
    }

    /// <summary>
    /// On an append-only list (see <see cref="AppendOnlyLists"/>), an <c>Add</c> also records its value
    /// at its position, and <c>list[k]</c> with a constant k reads the value recorded there.
    /// </summary>
    private TaintValue Positional(ILocalSymbol list, IMethodSymbol method, TaintValue[] args, IOperation call, TaintValue result, TaintState state)
    {
        _lists ??= AppendOnlyLists.Of(_graph.OriginalOperation);
        if (_lists.AppendAt(call) is { } append && args.Length == 1)
        {
            state.Set(list, state.Get(list).WithField(AppendOnlyLists.Slot(append.Index), args[0]));
            return result;
        }

        if (method is { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol { IsIndexer: true } } && args is [{ HasConstant: true, Constant: int index }]
            && _lists.IsFilledBefore(list, index, call) && state.Get(list).Fields.TryGetValue(AppendOnlyLists.Slot(index), out var slot))
        {
            return slot;
        }

        return result;
    }

    private void CallWithExtraArgument(IMethodSymbol setter, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, TaintValue value, IOperation at, TaintState state)
    {
        var receiver = instance is null ? TaintValue.Bottom : Eval(instance, state);
        var (args, argOps) = EvalArguments(setter, arguments, state);
        if (args.Length > 0)
        {
            args[^1] = value;
        }

        Dispatch(new CallSite(setter, instance, receiver, args, argOps, at), state, isVirtual: instance is not IInstanceReferenceOperation);
    }

    private (TaintValue[] Values, IOperation?[] Operations) EvalArguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, TaintState state)
    {
        var values = new TaintValue[method.Parameters.Length];
        var operations = new IOperation?[method.Parameters.Length];
        Array.Fill(values, TaintValue.Bottom);
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            var ordinal = argument.Parameter?.Ordinal ?? i;
            var value = argument.Parameter?.RefKind == RefKind.Out ? TaintValue.Bottom : Eval(argument.Value, state);
            if (ordinal < values.Length)
            {
                values[ordinal] = value;
                operations[ordinal] = argument.Value;
            }
        }

        return (values, operations);
    }

    private TaintValue Dispatch(CallSite site, TaintState state, bool isVirtual)
    {
        var method = site.Method;
        if (method.MethodKind == MethodKind.DelegateInvoke && !site.Receiver.Delegates.IsEmpty)
        {
            return InvokeDelegates(site.Receiver.Delegates, site, state);
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return InlineLocalFunction(method, site, state);
        }

        // Without a caller, a parameter is only known to be of its declared type: its own code runs, no subclass is chosen.
        var byHierarchy = isVirtual && site.Instance is not null && !(_argumentsUnknown && site.Receiver is { Root.Parameter: >= 0, Types.IsEmpty: true });
        var receiverTypes = site.Receiver.Types.IsEmpty && ExactType(site.Instance) is { } exact ? [exact] : site.Receiver.Types;
        var targets = receiverTypes.IsEmpty && byHierarchy && NarrowerStaticType(site.Instance, method) is { } narrower
            ? _session.Dispatch.SubtypesOf(narrower) is { IsEmpty: false } subtypes ? _session.Dispatch.Resolve(method, subtypes, byHierarchy) : []
            : _session.Dispatch.Resolve(method, receiverTypes, byHierarchy);
        if (targets.IsEmpty && _session.Catalog.For(method).IsEmpty && method.IsAbstract && !method.DeclaringSyntaxReferences.IsEmpty && ReturnsNoData(method))
        {
            AbsorbIntoReceiver(site, state);
        }

        if (targets.IsEmpty || !_session.Catalog.For(method).IsEmpty)
        {
            return site.Receiver.Delegates.IsEmpty || !StartsDelegate(method) ? LibraryCall(site, state) : InvokeDelegates(site.Receiver.Delegates, site, state);
        }

        var result = TaintValue.Bottom;
        foreach (var target in targets)
        {
            result = TaintValue.Merge(result, ApplySummary(target, site, state));
        }

        return result;
    }

    /// <summary>
    /// The type a receiver certainly has when the allocation is unknown: a struct or a sealed class
    /// that the expression has, before or after its casts, since nothing can derive from it. A
    /// <c>foreach</c> over a <c>List&lt;T&gt;</c> disposes a <c>List&lt;T&gt;.Enumerator</c>, not every
    /// <c>IDisposable</c> of the program. A user-defined conversion makes another object: the walk stops there.
    /// </summary>
    private static INamedTypeSymbol? ExactType(IOperation? instance)
    {
        for (var current = instance; current is not null; current = current is IConversionOperation { OperatorMethod: null } conversion ? conversion.Operand : null)
        {
            if (current.Type is INamedTypeSymbol { TypeKind: TypeKind.Struct or TypeKind.Class } type && (type.IsValueType || type.IsSealed))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// The receiver's static type before its casts, when it is narrower than the type declaring the
    /// called method: the object is of that type, so only source types deriving from it can run their
    /// code. <c>using (var reader = XmlReader.Create(stream))</c> disposes an <c>XmlReader</c>, which no
    /// class of the program derives from, not every <c>IDisposable</c> of the program.
    /// </summary>
    private static INamedTypeSymbol? NarrowerStaticType(IOperation? instance, IMethodSymbol method)
    {
        var current = instance;
        while (current is IConversionOperation { OperatorMethod: null } conversion)
        {
            current = conversion.Operand;
        }

        return current?.Type is INamedTypeSymbol { SpecialType: not SpecialType.System_Object } type
            && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, method.ContainingType.OriginalDefinition)
            ? type
            : null;
    }

    /// <summary>
    /// Whether a method returns no data (<c>void</c>, <c>Task</c>, <c>ValueTask</c>, or a Boolean,
    /// which may be a success flag: <c>bool PutItem(item)</c>): a command that may store its arguments.
    /// A method that returns data is taken to turn its arguments into that value (the assumed flow to
    /// the result), not to keep them: a repository's <c>GetItemList(query)</c> does not make every
    /// later call on the repository return the query.
    /// </summary>
    private static bool ReturnsNoData(IMethodSymbol method) =>
        method.ReturnsVoid || method.ReturnType.SpecialType == SpecialType.System_Boolean
        || method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false, ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } };

    /// <summary>
    /// A call to an interface or abstract method declared in the code but implemented nowhere in it
    /// (third-party code behind an interface) that returns no data (see <see cref="ReturnsNoData"/>):
    /// the object is assumed to keep what it is given, as a setter or an <c>Add</c> would, so later
    /// calls on it return that taint (an assumed step).
    /// </summary>
    private void AbsorbIntoReceiver(CallSite site, TaintState state)
    {
        var origins = ChangedValue(site.Arguments.Aggregate(ImmutableArray<TaintOrigin>.Empty, (acc, a) => TaintValue.MergeOrigins(acc, a.AllOrigins())));
        if (site.Instance is { } instance && !origins.IsEmpty)
        {
            var name = TaintSession.ShortName(site.Method);
            MergeInto(instance, AppendStep(TaintValue.OfOrigins(origins), site.Operation.Syntax.GetLocation(), $"kept by `{name}` (no implementation; flow assumed)", Osprey.Core.Findings.TraceStepKind.Assumed), state);
        }
    }

    /// <summary><c>Thread.Start(arg)</c> runs the delegate the thread was created with, on <c>arg</c>.</summary>
    private static bool StartsDelegate(IMethodSymbol method) =>
        method.Name == "Start" && method.ContainingType is { Name: "Thread", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } };

    private TaintValue Construct(IObjectCreationOperation creation, TaintState state)
    {
        if (creation.Constructor is not { } constructor || creation.Type is not INamedTypeSymbol type)
        {
            return MergeChildren(creation, state);
        }

        var (args, argOps) = EvalArguments(constructor, creation.Arguments, state);
        var allocated = TaintValue.OfAllocation(type, creation);
        var site = new CallSite(constructor, null, allocated, args, argOps, creation);
        if (!_session.Bodies.HasBody(constructor))
        {
            // A library object built from a delegate (a thread, a timer) may call it later: it keeps the delegates.
            var delegates = args.SelectMany(a => a.Delegates).Aggregate(TaintValue.Bottom, (acc, d) => TaintValue.Merge(acc, TaintValue.OfDelegate(d)));
            return TaintValue.Merge(TaintValue.Merge(LibraryCall(site, state, isConstructor: true).WithTypes([]), allocated), delegates).WithTypes([type]);
        }

        var result = ApplySummary(constructor, site, state);
        if (_session.SummaryOf(constructor).OutValues.TryGetValue(-1, out var self))
        {
            allocated = UpdatedReceiver(allocated, self, site, creation.Syntax.GetLocation(), TaintSession.ShortName(constructor), state);
        }

        return TaintValue.Merge(result.WithTypes([]), allocated).WithTypes([type]);
    }

    private TaintValue InvokeDelegates(ImmutableArray<object> delegates, CallSite site, TaintState state)
    {
        var result = TaintValue.Bottom;
        foreach (var target in delegates)
        {
            var value = target switch
            {
                LambdaTarget lambda => InlineLambda(lambda, site.Arguments),
                IMethodSymbol method when _session.Bodies.HasBody(method) => ApplySummary(method, site with { Method = method, Receiver = TaintValue.Bottom }, state),
                IMethodSymbol method => LibraryCall(site with { Method = method, Receiver = TaintValue.Bottom }, state),
                _ => TaintValue.Bottom,
            };
            result = TaintValue.Merge(result, value);
        }

        return result;
    }

    private TaintValue InlineLambda(LambdaTarget lambda, TaintValue[] args)
    {
        if (_depth >= MaxInlineDepth || IsInlining(lambda.Function))
        {
            return TaintValue.OfOrigins(args.Aggregate(ImmutableArray<TaintOrigin>.Empty, (acc, a) => TaintValue.MergeOrigins(acc, a.AllOrigins())));
        }

        var graph = lambda.Owner.GetAnonymousFunctionControlFlowGraph(lambda.Function);
        var entry = lambda.Captured.Clone();
        var parameters = lambda.Function.Symbol.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            entry.Set(parameters[i], i < args.Length ? args[i] : TaintValue.Bottom);
        }

        var child = new TaintMethodAnalysis(_session, graph, _summary, _member, this) { _inlined = lambda.Function };
        child.Run(entry);
        return child._returned;
    }

    private TaintValue InlineLocalFunction(IMethodSymbol function, CallSite site, TaintState state)
    {
        for (var owner = this; owner is not null; owner = owner._parent)
        {
            if (!owner._graph.LocalFunctions.Contains(function, SymbolEqualityComparer.Default))
            {
                continue;
            }

            if (_depth >= MaxInlineDepth || IsInlining(function))
            {
                break;
            }

            var graph = owner._graph.GetLocalFunctionControlFlowGraph(function);
            var entry = state.Clone();
            for (var i = 0; i < function.Parameters.Length; i++)
            {
                entry.Set(function.Parameters[i], i < site.Arguments.Length ? site.Arguments[i] : TaintValue.Bottom);
            }

            var child = new TaintMethodAnalysis(_session, graph, _summary, _member, this) { _inlined = function };
            var exit = child.Run(entry);
            foreach (var (key, value) in exit.Values)
            {
                if (key is ILocalSymbol local && state.Values.ContainsKey(local))
                {
                    state.Set(local, value);
                }
            }

            return child._returned;
        }

        return LibraryCall(site, state);
    }

    private bool IsInlining(object function)
    {
        for (var a = this; a is not null; a = a._parent)
        {
            if (ReferenceEquals(a._inlined, function) || (a._inlined is ISymbol s && function is ISymbol f && SymbolEqualityComparer.Default.Equals(s, f)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the caller-side value <paramref name="value"/> back into the argument expression <paramref name="target"/>, keeping what was there.</summary>
    private void MergeInto(IOperation? target, TaintValue value, TaintState state, bool replace = false)
    {
        if (target is null || value.IsBottom)
        {
            return;
        }

        while (target is IConversionOperation conversion)
        {
            target = conversion.Operand;
        }

        var merged = replace ? value : TaintValue.Merge(Eval(target, state), value);
        Write(target, merged, state, target);
    }
}
