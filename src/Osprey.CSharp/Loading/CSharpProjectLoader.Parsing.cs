using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Osprey.Core.Scanning;

namespace Osprey.CSharp.Loading;

internal sealed partial class CSharpProjectLoader
{
    private const long MaxSourceFileBytes = 16 * 1024 * 1024;

    /// <summary>Parses <paramref name="files"/> in parallel; unreadable files are reported and left out, files with syntax errors reported and kept.</summary>
    private static ImmutableArray<SyntaxTree> Parse(LoadSession session, IReadOnlyList<string> files, CSharpParseOptions options)
    {
        var trees = new SyntaxTree?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = session.Context.Options.Threads, CancellationToken = session.CancellationToken }, i =>
        {
            trees[i] = ParseFile(session, files[i], options);
        });
        var parsed = trees.OfType<SyntaxTree>().ToImmutableArray();
        session.FilesParsed(parsed.Length);
        return parsed;
    }

    private static SyntaxTree? ParseFile(LoadSession session, string path, CSharpParseOptions options)
    {
        SourceText text;
        try
        {
            if (new FileInfo(path).Length > MaxSourceFileBytes)
            {
                session.Diagnostic(DiagnosticLevel.Warning, "file-unreadable", $"Skipped '{session.Relative(path)}': larger than {MaxSourceFileBytes / (1024 * 1024)} MB.", path);
                return null;
            }

            using var stream = File.OpenRead(path);
            text = SourceText.From(stream, Encoding.UTF8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            session.Diagnostic(DiagnosticLevel.Warning, "file-unreadable", $"Skipped '{session.Relative(path)}': {ex.Message}", path);
            return null;
        }

        var tree = CSharpSyntaxTree.ParseText(text, options, path, session.CancellationToken);
        var error = tree.GetDiagnostics(session.CancellationToken).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
            session.Diagnostic(DiagnosticLevel.Warning, "parse-error",
                $"'{session.Relative(path)}' has syntax errors (first at line {line}: {error.GetMessage(CultureInfo.InvariantCulture)}); the recovered syntax is analysed.", path);
        }

        return tree;
    }

    private static CSharpParseOptions ParseOptions(ProjectFile project)
    {
        var version = LanguageVersion.Latest;
        if (project.Property("LangVersion") is { } lang && LanguageVersionFacts.TryParse(lang, out var parsed))
        {
            version = parsed;
        }

        var symbols = (project.Property("DefineConstants") ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(project.TargetFramework.PreprocessorSymbols())
            .Concat(project.IsSdkStyle ? ["DEBUG", "TRACE"] : [])
            .Where(s => SyntaxFacts.IsValidIdentifier(s))
            .Distinct(StringComparer.Ordinal);
        return new CSharpParseOptions(version, DocumentationMode.None, SourceCodeKind.Regular, symbols);
    }

    private static CSharpCompilationOptions CompilationOptions(ProjectFile project)
    {
        var outputType = project.Property("OutputType")?.ToLowerInvariant()
            ?? (string.Equals(project.Sdk, "Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) || string.Equals(project.Sdk, "Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) ? "exe" : "library");
        var kind = outputType switch
        {
            "exe" => OutputKind.ConsoleApplication,
            "winexe" => OutputKind.WindowsApplication,
            _ => OutputKind.DynamicallyLinkedLibrary,
        };
        var nullable = project.Property("Nullable")?.ToLowerInvariant() switch
        {
            "enable" => NullableContextOptions.Enable,
            "warnings" => NullableContextOptions.Warnings,
            "annotations" => NullableContextOptions.Annotations,
            _ => NullableContextOptions.Disable,
        };
        return new CSharpCompilationOptions(kind, allowUnsafe: project.IsTrue("AllowUnsafeBlocks"), nullableContextOptions: nullable)
            .WithAssemblyIdentityComparer(DesktopAssemblyIdentityComparer.Default);
    }
}
