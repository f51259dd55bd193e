using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Rules;

/// <summary>The facts that make one taint rule; <see cref="ToRule"/> renders the shared help layout.</summary>
internal sealed record TaintRuleDefinition(
    string Kind,
    string Name,
    ImmutableArray<int> Cwes,
    Severity Severity,
    string Title,
    string ShortDescription,
    string FullDescription,
    string Vulnerable,
    string Fixed,
    string FixAdvice)
{
    /// <summary>The rule id, <c>cs/&lt;kind&gt;</c>.</summary>
    public string Id => "cs/" + Kind;

    /// <summary>The rule as the rest of Osprey sees it.</summary>
    public Rule ToRule() => new()
    {
        Id = Id,
        Name = Name,
        Cwes = Cwes,
        DefaultSeverity = Severity,
        ShortDescription = ShortDescription,
        FullDescription = FullDescription,
        Help = $"""
            # {Title}

            {FullDescription}

            ## How to fix

            {FixAdvice}

            Vulnerable:

            ```csharp
            {Vulnerable}
            ```

            Fixed:

            ```csharp
            {Fixed}
            ```
            """,
        Tags = ["security", "taint", Kind.EndsWith("injection", StringComparison.Ordinal) ? "injection" : Kind],
    };
}
