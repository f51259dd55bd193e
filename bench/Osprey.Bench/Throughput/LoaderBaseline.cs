using System.Collections.Immutable;
using System.Diagnostics;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;
using Osprey.CSharp;
using Osprey.CSharp.Loading;

namespace Osprey.Bench.Throughput;

/// <summary>What the loader baseline measured.</summary>
/// <param name="Diagnostics">Compiler diagnostics over all projects (errors included).</param>
/// <param name="Stages">Seconds to load (parse, resolve references) and to bind every body.</param>
/// <param name="Unresolved">Per project with any: unresolved references and the number of unresolved type or namespace names.</param>
/// <param name="Statistics">Projects, files, unresolved references and unresolved names, over all projects.</param>
internal sealed record LoaderBaselineResult(int Diagnostics, ImmutableSortedDictionary<string, double> Stages, ImmutableArray<string> Unresolved, ImmutableSortedDictionary<string, long> Statistics);

/// <summary>
/// The Roslyn baseline on the compilations Osprey's own loader builds: the same projects, files
/// and resolved references (reference packs, restored NuGet packages) as the scan, so the
/// binder does the same work; then every method body is bound (<c>GetDiagnostics</c>). The
/// loader only reads project files as data: nothing is built or evaluated.
/// </summary>
internal static class LoaderBaseline
{
    private static readonly HashSet<string> UnresolvedNameCodes = new(StringComparer.Ordinal) { "CS0246", "CS0234", "CS0012", "CS0400", "CS0518" };

    /// <summary>Loads <paramref name="path"/> with Osprey's loader and binds everything.</summary>
    public static LoaderBaselineResult Run(string path, CancellationToken cancellationToken)
    {
        var target = ScanTarget.TryCreate(path, out var error) ?? throw new Cli.BenchUsageException(error ?? $"Cannot load '{path}'.");
        var context = new ScanContext(target, ScanOptions.Default);
        var clock = Stopwatch.StartNew();
        var files = SourceInventory.Enumerate(target, ScanOptions.Default, context.Report, cancellationToken);
        var solution = new CSharpProjectLoader(CSharpEngineOptions.Default).Load(context, files, cancellationToken);
        var loaded = clock.Elapsed.TotalSeconds;
        var diagnostics = 0;
        long unresolvedInBodies = 0;
        foreach (var project in solution.Projects)
        {
            var all = project.Compilation.GetDiagnostics(cancellationToken);
            diagnostics += all.Length;
            unresolvedInBodies += all.Where(d => UnresolvedNameCodes.Contains(d.Id)).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).LongCount();
        }

        var bound = clock.Elapsed.TotalSeconds;
        var stages = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("1 load projects (parse, references)", loaded),
            KeyValuePair.Create("2 bind every body", bound - loaded),
        ]);
        var unresolved = solution.Projects
            .Where(p => !p.UnresolvedReferences.IsEmpty || !p.UnresolvedSymbols.IsEmpty)
            .Select(p => $"{p.Name}: {p.UnresolvedReferences.Length} unresolved reference(s){(p.UnresolvedReferences.IsEmpty ? "" : " (" + string.Join(", ", p.UnresolvedReferences) + ")")}, {p.UnresolvedSymbols.Length} unresolved name(s)")
            .ToImmutableArray();
        var statistics = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("csharp.projects", (long)solution.Projects.Length),
            KeyValuePair.Create("csharp.files", (long)solution.Projects.Sum(p => p.Compilation.SyntaxTrees.Count())),
            KeyValuePair.Create("csharp.unresolved-references", (long)solution.Projects.Sum(p => p.UnresolvedReferences.Length)),
            KeyValuePair.Create("csharp.unresolved-symbols", (long)solution.Projects.Sum(p => p.UnresolvedSymbols.Length)),
            KeyValuePair.Create("roslyn.unresolved-name-diagnostics-in-bodies", unresolvedInBodies),
        ]);
        return new LoaderBaselineResult(diagnostics, stages, unresolved, statistics);
    }
}
