using Microsoft.CodeAnalysis;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>One API-misuse check: the rules it reports, the operations it looks at, and what makes a member worth binding.</summary>
internal interface IMisuseCheck
{
    /// <summary>The rules the check reports.</summary>
    IReadOnlyList<Rule> Rules { get; }

    /// <summary>The operation kinds <see cref="Inspect"/> is called for.</summary>
    IReadOnlyList<OperationKind> Kinds { get; }

    /// <summary>
    /// Whether a member whose text contains <paramref name="token"/> may hold something this check
    /// reports (a cheap syntactic filter). For an identifier the answer depends on its text alone:
    /// the analyzer asks once per name.
    /// </summary>
    bool IsTrigger(SyntaxToken token);

    /// <summary>Inspects one operation of a kind in <see cref="Kinds"/>.</summary>
    void Inspect(IOperation operation, MisuseContext context);
}
