using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>A program to run in the sandbox, with its arguments; it starts in the workspace directory.</summary>
public sealed record SandboxCommand
{
    /// <summary>The program, by full path or a name found on the PATH (<c>dotnet</c>).</summary>
    public required string Program { get; init; }

    /// <summary>Arguments, passed as they are (no shell).</summary>
    public ImmutableArray<string> Arguments { get; init; } = [];

    /// <summary>Extra environment variables for the run (the environment is otherwise minimal).</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;
}
