using System.Collections.Immutable;
using Osprey.Core.Findings;

namespace Osprey.Core.Rules;

/// <summary>
/// What a class of findings means: identity, weakness, default severity and the help a developer
/// needs to fix it. Engines publish their rules; reports list them.
/// </summary>
public sealed record Rule
{
    /// <summary>Stable id, <c>&lt;language&gt;/&lt;kebab-name&gt;</c>, e.g. <c>cs/sql-injection</c>.</summary>
    public required string Id { get; init; }

    /// <summary>PascalCase name, e.g. <c>SqlInjection</c>.</summary>
    public required string Name { get; init; }

    /// <summary>CWE numbers, most specific first.</summary>
    public ImmutableArray<int> Cwes { get; init; } = [];

    /// <summary>Severity before triage adjusts it for reachability and proof.</summary>
    public Severity DefaultSeverity { get; init; } = Severity.Medium;

    /// <summary>One line: "User input reaches a SQL command".</summary>
    public required string ShortDescription { get; init; }

    /// <summary>A paragraph: what the weakness is and why it matters.</summary>
    public required string FullDescription { get; init; }

    /// <summary>Markdown help with a fix example.</summary>
    public required string Help { get; init; }

    /// <summary>Extra tags (<c>security</c>, <c>injection</c>, <c>crypto</c>).</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>A default CVSS 4.0 vector for the rule's typical impact, if one makes sense.</summary>
    public string? CvssVector { get; init; }

    /// <summary>The <c>external/cwe/cwe-NNN</c> tags GitHub code scanning understands, plus <see cref="Tags"/>.</summary>
    public IEnumerable<string> AllTags =>
        new[] { "security" }.Concat(Tags.Where(t => t != "security")).Concat(Cwes.Select(c => $"external/cwe/cwe-{c:D3}"));
}
