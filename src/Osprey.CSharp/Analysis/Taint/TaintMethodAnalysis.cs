using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The intra-procedural part of the analysis: a forward worklist over the basic blocks of one
/// control-flow graph to a fixpoint. Branches whose condition evaluates to a constant only reach
/// the taken successor, so dead code is never visited. Exceptions flow from every block of a
/// <c>try</c> to its handlers. Calls are resolved through summaries (see the partial files).
/// Lambdas and local functions are analysed inline by a child analysis sharing the summary.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private const int VisitsPerBlock = 40;
    private const int MaxInlineDepth = 6;

    private readonly TaintSession _session;
    private readonly ControlFlowGraph _graph;
    private readonly SummaryBuilder _summary;
    private readonly string _member;
    private readonly TaintMethodAnalysis? _parent;
    private readonly int _depth;
    private TaintValue _returned = TaintValue.Bottom;
    private object? _inlined;
    private readonly Dictionary<CaptureId, IOperation> _captureTargets = [];
    private AppendOnlyLists? _lists;

    // Identifies this run in the join edges its states record (JoinEdge).
    private readonly object _frame = new();

    // True for a method of an executable that nothing calls or starts (see LiveMethods): no caller
    // hands it objects, so a virtual call on a parameter is not dispatched to every subclass the
    // program defines; flows that happen whatever the arguments are are still found.
    private readonly bool _argumentsUnknown;

    private TaintMethodAnalysis(TaintSession session, ControlFlowGraph graph, SummaryBuilder summary, string member, TaintMethodAnalysis? parent, bool argumentsUnknown = false)
    {
        _argumentsUnknown = parent?._argumentsUnknown ?? argumentsUnknown;
        _session = session;
        _graph = graph;
        _summary = summary;
        _member = member;
        _parent = parent;
        _depth = parent is null ? 0 : parent._depth + 1;
    }

    /// <summary>
    /// Analyses <paramref name="method"/>'s body and returns its summary. With <paramref name="argumentsUnknown"/>
    /// (nothing calls or starts the method) calls on its parameters are not dispatched by class hierarchy.
    /// </summary>
    public static MethodSummary Analyze(TaintSession session, IMethodSymbol method, ControlFlowGraph graph, bool argumentsUnknown = false)
    {
        var summary = new SummaryBuilder();
        var analysis = new TaintMethodAnalysis(session, graph, summary, session.MemberName(method), null, argumentsUnknown);
        var entry = EntryState(session, method);
        TaintState exit;
        try
        {
            exit = analysis.Run(entry);
        }
        catch (InsufficientExecutionStackException)
        {
            summary.Incomplete = true;
            return summary.Build(ImmutableDictionary<int, TaintValue>.Empty);
        }

        summary.AddReturn(analysis._returned);
        var statics = ImmutableDictionary.CreateBuilder<ISymbol, TaintValue>(SymbolEqualityComparer.Default);
        foreach (var (key, value) in exit.Values)
        {
            if (key is IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true })
            {
                statics[(ISymbol)key] = value;
            }
        }

        return summary.Build(OutValues(method, exit), statics.ToImmutable());
    }

    private static TaintState EntryState(TaintSession session, IMethodSymbol method)
    {
        var state = new TaintState();
        if (!method.IsStatic)
        {
            state.Set(TaintState.This, TaintValue.OfParameter(-1));
        }

        var sources = EntryPointSources.For(session, method);
        foreach (var parameter in method.Parameters)
        {
            var value = TaintValue.OfParameter(parameter.Ordinal);
            if (sources.TryGetValue(parameter.Ordinal, out var source))
            {
                value = value.WithOrigins(value.Origins.Add(source));
            }

            state.Set(parameter, value);
        }

        return state;
    }

    private static ImmutableDictionary<int, TaintValue> OutValues(IMethodSymbol method, TaintState exit)
    {
        var result = ImmutableDictionary<int, TaintValue>.Empty;
        if (!method.IsStatic && exit.Get(TaintState.This) is { Fields.IsEmpty: false } self)
        {
            result = result.Add(-1, self);
        }

        foreach (var parameter in method.Parameters)
        {
            var value = exit.Get(parameter);
            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                result = result.Add(parameter.Ordinal, value);
            }
            else if (!value.Fields.IsEmpty && !parameter.Type.IsValueType)
            {
                result = result.Add(parameter.Ordinal, value);
            }
        }

        return result;
    }

    private TaintState Run(TaintState entry)
    {
        var blocks = _graph.Blocks;
        var input = new TaintState?[blocks.Length];
        var visits = new int[blocks.Length];
        var queue = new BlockWorklist(blocks.Length);
        var forwardOnly = IsForwardOnly(blocks);
        queue.Add(0);
        input[0] = entry;
        while (queue.TryTake(out var index))
        {
            _session.CancellationToken.ThrowIfCancellationRequested();
            if (++visits[index] > VisitsPerBlock)
            {
                _summary.Incomplete = true;
                continue;
            }

            // Without a backward edge every predecessor ran before this block (lowest ordinal first)
            // and none runs again: nothing merges into its input any more, so the block may use it
            // as its working state. The entry state is the caller's and is always copied.
            var block = blocks[index];
            var state = forwardOnly && index != 0 ? input[index]! : input[index]!.Clone();
            foreach (var operation in block.Operations)
            {
                Eval(operation, state);
            }

            PropagateToHandlers(block, state, input, queue);
            Branch(block, state, input, queue);
        }

        return input[^1] ?? new TaintState();
    }

    /// <summary>Whether every branch of the graph goes to a later block (no loop, no backward jump).</summary>
    private static bool IsForwardOnly(ImmutableArray<BasicBlock> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var predecessor in block.Predecessors)
            {
                if (predecessor.Source.Ordinal >= block.Ordinal)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Branch(BasicBlock block, TaintState state, TaintState?[] input, BlockWorklist queue)
    {
        if (block.BranchValue is not { } condition)
        {
            Propagate(block.FallThroughSuccessor, state, input, queue);
            return;
        }

        var value = Eval(condition, state);
        if (block.ConditionKind == ControlFlowConditionKind.None)
        {
            switch (block.FallThroughSuccessor?.Semantics)
            {
                case ControlFlowBranchSemantics.Return:
                    _returned = TaintValue.Merge(_returned, value);
                    break;
                case ControlFlowBranchSemantics.Throw:
                    state.Set(TaintState.Thrown, TaintValue.Merge(state.Get(TaintState.Thrown), value.WithoutConstant()));
                    _summary.AddThrown(value);
                    PropagateToHandlers(block, state, input, queue);
                    break;
            }

            Propagate(block.FallThroughSuccessor, state, input, queue);
            return;
        }

        var jumpsWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        bool? known = value.HasConstant && value.Constant is bool b ? b : null;
        if (known is null || known == jumpsWhen)
        {
            Propagate(block.ConditionalSuccessor, Refine(state.Clone(), condition, jumpsWhen), input, queue);
        }

        if (known is null || known != jumpsWhen)
        {
            Propagate(block.FallThroughSuccessor, Refine(state, condition, !jumpsWhen), input, queue);
        }
    }

    // Into a block with several predecessors the state records which edge it came by, so that
    // allocation sites held by different variables stay correlated across the join (AllocationSite).
    // The caller hands the state over: nothing reads it after this.
    private void Propagate(ControlFlowBranch? branch, TaintState state, TaintState?[] input, BlockWorklist queue)
    {
        if (branch?.Destination is not { } destination)
        {
            return;
        }

        var ordinal = destination.Ordinal;
        JoinEdge? edge = destination.Predecessors.Length > 1 && branch.Source is { } from ? new JoinEdge(_frame, ordinal, from.Ordinal) : null;
        MergeInto(ordinal, state, input, queue, owned: true, edge);
    }

    /// <summary>
    /// Joins <paramref name="state"/> (carried along <paramref name="edge"/> into a join block, when
    /// given) into block <paramref name="ordinal"/>'s input and queues the block when that changed it.
    /// An <paramref name="owned"/> state becomes the input of a block reached for the first time.
    /// </summary>
    private static void MergeInto(int ordinal, TaintState state, TaintState?[] input, BlockWorklist queue, bool owned, JoinEdge? edge = null)
    {
        if (input[ordinal] is null)
        {
            input[ordinal] = edge is { } through ? state.CloneThrough(through) : owned ? state : state.Clone();
            queue.Add(ordinal);
        }
        else if (input[ordinal]!.MergeFrom(state, edge))
        {
            queue.Add(ordinal);
        }
    }

    private void PropagateToHandlers(BasicBlock block, TaintState state, TaintState?[] input, BlockWorklist queue)
    {
        // A lambda's graph hangs below the regions of the method that contains it: stop at its own root,
        // or a try around the lambda would name a handler block of the other graph.
        for (var region = block.EnclosingRegion; region is not null && region != _graph.Root; region = region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } tryStatement)
            {
                continue;
            }

            foreach (var handler in tryStatement.NestedRegions)
            {
                if (handler != region)
                {
                    // The block goes on with this state: the handler gets a copy.
                    MergeInto(handler.FirstBlockOrdinal, state, input, queue, owned: false);
                }
            }
        }
    }

    private static void EnsureStack() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
