using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// What a harness is built from: the scanned compilation with the sources of the projects it
/// references merged in (the harness runs as one assembly, and a referenced project's compilation
/// targets a framework the harness does not run on), then the framework doubles it lacks. Each step
/// is kept per compilation, so the findings of one project share its binding caches.
/// </summary>
internal static class HarnessInputs
{
    private static readonly ConditionalWeakTable<CSharpCompilation, CSharpCompilation> Flattened = new();
    private static readonly ConditionalWeakTable<CSharpCompilation, CSharpCompilation> Doubled = new();

    public static CSharpCompilation Flatten(CSharpCompilation scanned) => Flattened.GetValue(scanned, static s =>
    {
        var referenced = new List<CSharpCompilation>();
        Collect(s, referenced, new HashSet<Compilation>());
        if (referenced.Count == 0)
        {
            return s;
        }

        var ownPaths = s.SyntaxTrees.Select(t => t.FilePath).ToHashSet(StringComparer.Ordinal);
        var extra = referenced.SelectMany(c => c.SyntaxTrees).Where(t => ownPaths.Add(t.FilePath)).ToList();
        var metadata = s.References.Where(r => r is not CompilationReference)
            .Concat(referenced.SelectMany(c => c.References).Where(r => r is not CompilationReference))
            .DistinctBy(r => r.Display ?? "", StringComparer.OrdinalIgnoreCase);
        return s.RemoveAllReferences().AddReferences(metadata).AddSyntaxTrees(extra);
    });

    /// <summary>
    /// The flattened compilation with its framework doubles, and with top-level statements moved into
    /// <c>Program.__OspreyMain</c> (see <see cref="Web.TopLevelProgram"/>) so that a harness can start the app and
    /// a source in a minimal-API lambda can be located and driven.
    /// </summary>
    public static CSharpCompilation WithDoubles(CSharpCompilation flat, ImmutableArray<MetadataReference> harnessReferences, CSharpParseOptions parse) =>
        Doubled.GetValue(flat, s =>
        {
            var wrapped = s;
            foreach (var tree in s.SyntaxTrees)
            {
                if (Web.TopLevelProgram.Wrap(tree) is { } method)
                {
                    wrapped = wrapped.ReplaceSyntaxTree(tree, method);
                }
            }

            return wrapped.AddSyntaxTrees(FrameworkDoubles.For(s, harnessReferences, parse));
        });

    private static void Collect(CSharpCompilation compilation, List<CSharpCompilation> into, HashSet<Compilation> seen)
    {
        foreach (var reference in compilation.References.OfType<CompilationReference>())
        {
            if (reference.Compilation is CSharpCompilation referenced && seen.Add(referenced))
            {
                into.Add(referenced);
                Collect(referenced, into, seen);
            }
        }
    }
}
