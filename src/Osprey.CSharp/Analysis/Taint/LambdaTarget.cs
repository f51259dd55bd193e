using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>A lambda a delegate value may run: its graph's owner, the function, and the state it captured when created.</summary>
internal sealed record LambdaTarget(ControlFlowGraph Owner, IFlowAnonymousFunctionOperation Function, TaintState Captured, object Creator)
{
    /// <summary>Lambdas are the same when they are the same function.</summary>
    public bool Equals(LambdaTarget? other) => other is not null && ReferenceEquals(Function, other.Function);

    /// <inheritdoc />
    public override int GetHashCode() => Function.GetHashCode();
}
