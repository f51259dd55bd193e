using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis;

/// <summary>
/// The values a local variable may hold, read flow-insensitively from one member's operation tree:
/// its declaration's initializer and every simple assignment to it. Enough for checks that ask which
/// constants a local can carry (a program name, a setting) without a dataflow pass.
/// </summary>
internal static class LocalStores
{
    /// <summary>The values stored into <paramref name="local"/> anywhere under <paramref name="root"/>, in tree order.</summary>
    public static IEnumerable<IOperation> Of(ILocalSymbol local, IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: var initial } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    yield return initial;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return assignment.Value;
                    break;
            }
        }
    }
}
