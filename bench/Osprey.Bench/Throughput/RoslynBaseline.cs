using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.Bench.Throughput;

/// <summary>
/// The least any semantic analyser of C# must do: parse every file and bind every method body,
/// one compilation per project. Osprey's cost is measured against this.
/// </summary>
internal static class RoslynBaseline
{
    /// <summary>Parses and binds <paramref name="input"/>; returns the number of compiler diagnostics (errors included: references may be missing).</summary>
    public static int Run(ThroughputInput input, CancellationToken cancellationToken)
    {
        var references = FrameworkReferences();
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var diagnostics = 0;
        foreach (var project in input.Projects)
        {
            var trees = new SyntaxTree[project.Length];
            Parallel.For(0, project.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                trees[i] = CSharpSyntaxTree.ParseText(File.ReadAllText(project[i]), options, project[i], cancellationToken: cancellationToken));
            var compilation = CSharpCompilation.Create(
                "baseline",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: true));
            // GetDiagnostics binds every member body (method-body diagnostics need it).
            diagnostics += compilation.GetDiagnostics(cancellationToken).Length;
        }

        return diagnostics;
    }

    /// <summary>
    /// The running framework's assemblies. The C# engine's loader resolves each project's own
    /// references; until the bench can call it, every project binds against the framework the
    /// bench runs on, which gives the binder the same amount of work for code that uses the BCL.
    /// </summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences() =>
    [
        .. ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal)
                || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
    ];
}
