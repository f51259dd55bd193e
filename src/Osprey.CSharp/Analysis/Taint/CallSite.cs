using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>One call as the analysis sees it: the method, the receiver and argument values (by parameter ordinal) and their expressions.</summary>
internal sealed record CallSite(IMethodSymbol Method, IOperation? Instance, TaintValue Receiver, TaintValue[] Arguments, IOperation?[] ArgumentOperations, IOperation Operation)
{
    /// <summary>The value at position <paramref name="index"/> (-1 for the receiver).</summary>
    public TaintValue Bind(int index) => index < 0 ? Receiver : index < Arguments.Length ? Arguments[index] : TaintValue.Bottom;

    /// <summary>The expression at position <paramref name="index"/> (-1 for the receiver).</summary>
    public IOperation? OperationAt(int index) => index < 0 ? Instance : index < ArgumentOperations.Length ? ArgumentOperations[index] : null;
}
