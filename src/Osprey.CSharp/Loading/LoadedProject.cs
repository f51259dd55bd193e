using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.CSharp.Loading;

/// <summary>
/// One C# project as Osprey loaded it: read as XML, never evaluated, compiled in memory against
/// reference assemblies. Nothing of the project was executed to produce it.
/// </summary>
public sealed class LoadedProject
{
    /// <summary>The project's name (file name without extension, or the folder's for loose files).</summary>
    public required string Name { get; init; }

    /// <summary>The project file, or null for loose source files.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>The target framework the compilation was built for (<c>net8.0</c>, <c>net48</c>).</summary>
    public string? TargetFramework { get; init; }

    /// <summary>The compilation: every compiled source file, with the references that could be resolved.</summary>
    public required CSharpCompilation Compilation { get; init; }

    /// <summary>References named by the project that could not be found.</summary>
    public ImmutableArray<string> UnresolvedReferences { get; init; } = [];

    /// <summary>Type and namespace names the compilation could not resolve (see <see cref="CSharpEngineOptions.CountUnresolvedSymbolsInBodies"/>).</summary>
    public ImmutableArray<string> UnresolvedSymbols { get; init; } = [];

    /// <summary>Whether the project is loose source files without a project file.</summary>
    public bool IsLoose => ProjectPath is null;
}

/// <summary>Everything loaded from one scan target.</summary>
public sealed class LoadedSolution
{
    /// <summary>The projects, in dependency order (a project comes after the projects it references).</summary>
    public required ImmutableArray<LoadedProject> Projects { get; init; }
}
