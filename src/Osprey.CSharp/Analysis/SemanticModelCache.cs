using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis;

/// <summary>
/// One semantic model per syntax tree of a compilation, shared by every analyzer of one project.
/// Roslyn caches bound method bodies and their operation trees inside a semantic model, not in
/// the compilation: each <c>Compilation.GetSemanticModel</c> call returns a fresh model that binds
/// (and, in nullable-enabled code, flow-analyses) every body it is asked about again. Sharing the
/// model binds each body once for the indexes, the call graph, the summaries and the misuse checks.
/// Scoped to one project's analysis; dropped with it, so the bound trees are freed project by project.
/// The models skip nullable analysis: no analyzer reads nullable annotations, and in nullable-enabled
/// code that analysis binds every body a second time.
/// </summary>
internal sealed class SemanticModelCache(Compilation compilation)
{
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    /// <summary>The compilation the models belong to.</summary>
    public Compilation Compilation { get; } = compilation;

    /// <summary>The shared model of <paramref name="tree"/>, created on first use.</summary>
    public SemanticModel Get(SyntaxTree tree) =>
        _models.TryGetValue(tree, out var model) ? model : _models.GetOrAdd(tree, static (t, c) => Create(c, t), Compilation);

    /// <summary>A new model of <paramref name="tree"/> that skips nullable analysis (see the class remarks).</summary>
    public static SemanticModel Create(Compilation compilation, SyntaxTree tree)
    {
        // Marked experimental (roslyn#70609) but shipped since 4.9; the package version is pinned centrally.
#pragma warning disable RSEXPERIMENTAL001
        return compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
    }
}
