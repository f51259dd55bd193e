using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// What the instrumented sink saw when the harness reached it: the values that would have gone
/// into the dangerous operation, which did not run.
/// </summary>
public sealed record SinkObservation
{
    /// <summary>The sink kind (<c>sql-injection</c>, …) the recorder was installed for.</summary>
    public required string SinkKind { get; init; }

    /// <summary>The API that would have been called, e.g. <c>System.Diagnostics.Process.Start</c>.</summary>
    public string Api { get; init; } = "";

    /// <summary>
    /// The captured values, in the order the sink's shape defines: the statement; the command line,
    /// or the file then the arguments; the path; the URL; the format then its arguments.
    /// </summary>
    public ImmutableArray<string?> Values { get; init; } = [];

    /// <summary>Facts about the call that change its meaning: <c>shape</c>, <c>TypeNameHandling</c>, <c>UseShellExecute</c>.</summary>
    public ImmutableDictionary<string, string> Facts { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The first value, or an empty string.</summary>
    public string Primary => Values.IsDefaultOrEmpty ? "" : Values[0] ?? "";

    /// <summary>The fact <paramref name="name"/>, or null.</summary>
    public string? Fact(string name) => Facts.TryGetValue(name, out var value) ? value : null;

    /// <summary>Every value joined, for display.</summary>
    public string Describe() => Values.IsDefaultOrEmpty ? "" : string.Join(" | ", Values.Select(v => v ?? "null"));
}
