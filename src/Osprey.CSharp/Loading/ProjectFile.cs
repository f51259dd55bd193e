using System.Collections.Immutable;

namespace Osprey.CSharp.Loading;

/// <summary>What one <c>Compile</c> item does to the project's file list, in document order.</summary>
internal enum CompileItemOperation
{
    /// <summary><c>Include</c> (with an optional <c>Exclude</c>).</summary>
    Include = 0,
    /// <summary><c>Remove</c>.</summary>
    Remove = 1,
}

/// <summary>A <c>Compile</c> item as written, with its patterns relative to the project folder.</summary>
internal sealed record CompileItem(CompileItemOperation Operation, ImmutableArray<string> Patterns, ImmutableArray<string> Excludes);

/// <summary>A <c>Reference</c> item: an assembly name and, for old-style projects, where it lives.</summary>
internal sealed record AssemblyReferenceItem(string Name, string? HintPath);

/// <summary>A <c>PackageReference</c> item; the version may come from central package management.</summary>
internal sealed record PackageReferenceItem(string Id, string? Version);

/// <summary>A <c>Using</c> item (global using the SDK generates).</summary>
internal sealed record UsingItem(string Namespace, string? Alias, bool IsStatic, bool IsRemove);

/// <summary>
/// A project file as read by <see cref="ProjectFileReader"/>: properties and items taken as data.
/// No target ran and no MSBuild logic was evaluated to produce it.
/// </summary>
internal sealed record ProjectFile
{
    /// <summary>Absolute path of the project file.</summary>
    public required string Path { get; init; }

    /// <summary>The project's folder.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? "/";

    /// <summary>The project's name.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The SDK (<c>Microsoft.NET.Sdk.Web</c>), or null for an old-style project.</summary>
    public string? Sdk { get; init; }

    /// <summary>Whether this is an SDK-style project.</summary>
    public bool IsSdkStyle => Sdk is not null;

    /// <summary>Properties that could be read without evaluating anything, including those of <c>Directory.Build.props</c>.</summary>
    public required ImmutableDictionary<string, string> Properties { get; init; }

    /// <summary>The one framework the project is compiled for (see <see cref="TargetFrameworkSelector"/>).</summary>
    public required TargetFrameworkMoniker TargetFramework { get; init; }

    /// <summary>Every target framework the project names under any condition.</summary>
    public ImmutableArray<string> TargetFrameworkCandidates { get; init; } = [];

    /// <summary>Compile items in document order.</summary>
    public ImmutableArray<CompileItem> CompileItems { get; init; } = [];

    /// <summary>Assembly references.</summary>
    public ImmutableArray<AssemblyReferenceItem> References { get; init; } = [];

    /// <summary>Referenced projects (absolute paths, as found on disk).</summary>
    public ImmutableArray<string> ProjectReferences { get; init; } = [];

    /// <summary>Package references with versions resolved from central package management where needed.</summary>
    public ImmutableArray<PackageReferenceItem> PackageReferences { get; init; } = [];

    /// <summary>Framework references (<c>Microsoft.AspNetCore.App</c>).</summary>
    public ImmutableArray<string> FrameworkReferences { get; init; } = [];

    /// <summary><c>Using</c> items.</summary>
    public ImmutableArray<UsingItem> Usings { get; init; } = [];

    /// <summary>Reads a property (case-insensitive), or null.</summary>
    public string? Property(string name) => Properties.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Whether a boolean property is <c>true</c>/<c>enable</c>.</summary>
    public bool IsTrue(string name) => Property(name)?.Trim().ToLowerInvariant() is "true" or "enable" or "enabled";

    /// <summary>Whether a boolean property is explicitly <c>false</c>.</summary>
    public bool IsFalse(string name) => Property(name)?.Trim().ToLowerInvariant() is "false" or "disable" or "disabled";
}
