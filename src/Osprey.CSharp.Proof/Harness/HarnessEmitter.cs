using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Emits a harness compilation to a DLL with a <c>runtimeconfig.json</c> beside it, so that
/// <c>dotnet harness.dll</c> runs it on the installed shared runtime. Emitting runs no code of
/// the compilation.
/// </summary>
internal static class HarnessEmitter
{
    public const string AssemblyFileName = "harness.dll";

    /// <summary>
    /// Emits <paramref name="compilation"/> into <paramref name="directory"/> with copies of
    /// <paramref name="libraries"/> (the project's own references, which the runtime must find beside
    /// the harness); returns the errors, empty on success.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Emit(CSharpCompilation compilation, string directory, bool aspNetCore = false, IEnumerable<string>? libraries = null)
    {
        var dll = Path.Combine(directory, AssemblyFileName);
        Microsoft.CodeAnalysis.Emit.EmitResult result;
        using (var stream = File.Create(dll))
        {
            result = compilation.Emit(stream);
        }

        if (!result.Success)
        {
            File.Delete(dll);
            return [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];
        }

        var binaryFormatter = BinaryFormatterSupport.IsUsedBy(compilation);
        File.WriteAllText(Path.Combine(directory, "harness.runtimeconfig.json"), RuntimeConfig(aspNetCore, binaryFormatter));
        var copied = new List<string>();
        foreach (var library in libraries ?? [])
        {
            var copy = Path.Combine(directory, Path.GetFileName(library));
            if (File.Exists(library) && !File.Exists(copy))
            {
                File.Copy(library, copy);
                copied.Add(copy);
            }
        }

        if (binaryFormatter)
        {
            BinaryFormatterSupport.Install(directory, AssemblyFileName, copied);
        }

        return [];
    }

    /// <summary>The options every harness compiles with: a console application.</summary>
    public static CSharpCompilationOptions ConsoleOptions(string? mainTypeName = null) =>
        new CSharpCompilationOptions(OutputKind.ConsoleApplication, mainTypeName: mainTypeName)
            .WithNullableContextOptions(NullableContextOptions.Disable)
            .WithAllowUnsafe(true)
            .WithOptimizationLevel(OptimizationLevel.Debug);

    private static string RuntimeConfig(bool aspNetCore, bool binaryFormatter)
    {
        var version = Environment.Version;
        var framework = string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}.0");
        var tfm = string.Create(CultureInfo.InvariantCulture, $"net{version.Major}.{version.Minor}");
        return $$"""
            {
              "runtimeOptions": {
                "tfm": "{{tfm}}",
                "frameworks": [
                  { "name": "Microsoft.NETCore.App", "version": "{{framework}}" }{{(aspNetCore ? $", {{ \"name\": \"Microsoft.AspNetCore.App\", \"version\": \"{framework}\" }}" : "")}}
                ]{{(binaryFormatter ? $",\n    \"configProperties\": {{ \"{BinaryFormatterSupport.Switch}\": true }}" : "")}}
              }
            }
            """;
    }
}
