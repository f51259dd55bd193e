using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.CSharp.Tests.Support;

/// <summary>
/// Compiles small C# programs written for a test against the running runtime's assemblies and
/// ASP.NET Core's shared framework. Nothing is emitted or executed.
/// </summary>
internal static class TestCompilation
{
    /// <summary>The folder test sources pretend to live in; findings are reported relative to it.</summary>
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "osprey-csharp-tests");

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles <paramref name="sources"/> (file name, text) into one compilation.</summary>
    public static CSharpCompilation Create(OutputKind kind, params (string Name, string Text)[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, Path.Combine(Root, s.Name)));
        return CSharpCompilation.Create(
            "TestProgram",
            trees,
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Compiles one file named <c>Program.cs</c> as a library.</summary>
    public static CSharpCompilation Library(string source) => Create(OutputKind.DynamicallyLinkedLibrary, ("Program.cs", source));

    /// <summary>Compiles one file named <c>Program.cs</c> as an application (top-level statements allowed).</summary>
    public static CSharpCompilation Application(string source) => Create(OutputKind.ConsoleApplication, ("Program.cs", source));

    /// <summary>The compiler errors, for asserting that a test program is what it means to be.</summary>
    public static IEnumerable<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        var shared = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "Microsoft.AspNetCore.App");
        if (Directory.Exists(shared))
        {
            var version = Directory.GetDirectories(shared).OrderBy(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version()).LastOrDefault();
            if (version is not null)
            {
                paths.AddRange(Directory.GetFiles(version, "*.dll"));
            }
        }

        return [.. paths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))];
    }
}
