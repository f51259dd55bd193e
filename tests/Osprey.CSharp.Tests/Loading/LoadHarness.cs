using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;
using Osprey.CSharp.Loading;

namespace Osprey.CSharp.Tests.Loading;

/// <summary>Runs the real loader through the real pipeline and keeps what it loaded.</summary>
internal static class LoadHarness
{
    public sealed record Result(LoadedSolution Solution, ScanReport Report)
    {
        public LoadedProject Project(string name) => Solution.Projects.Single(p => p.Name == name);

        public IEnumerable<ScanDiagnostic> Diagnostics(string code) => Report.Diagnostics.Where(d => d.Code == code);
    }

    public static async Task<Result> LoadAsync(string path, CSharpEngineOptions? options = null, ScanOptions? scan = null)
    {
        var target = ScanTarget.TryCreate(path, out var error) ?? throw new ArgumentException(error);
        var capture = new CaptureStage(options ?? CSharpEngineOptions.Default);
        var report = await new ScanPipeline([], [capture]).RunAsync(target, scan ?? ScanOptions.Default with { Threads = 2 });
        return new Result(capture.Solution ?? throw new InvalidOperationException("the loader did not run"), report);
    }

    /// <summary>Names of the compiled files (generated global usings left out).</summary>
    public static IReadOnlyList<string> FileNames(LoadedProject project) =>
        project.Compilation.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)).Where(n => !n.EndsWith(".g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Errors of the whole compilation with the given ids.</summary>
    public static IReadOnlyList<Diagnostic> Errors(LoadedProject project, params string[] ids) =>
        project.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && (ids.Length == 0 || ids.Contains(d.Id))).ToList();

    /// <summary>Emits a tiny reference assembly with one public type.</summary>
    public static void EmitAssembly(string path, string assemblyName, string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var references = new ReferencePacks(CSharpEngineOptions.Default).NetCore(TargetFrameworkSelector.SdkDefault).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
        }
    }

    private sealed class CaptureStage(CSharpEngineOptions options) : IReconStage
    {
        public LoadedSolution? Solution { get; private set; }

        public string Name => "capture";

        public Task<ReconResult> RunAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
        {
            Solution = CSharpScanState.For(context).GetOrLoad(context, recon.Files, options, cancellationToken);
            return Task.FromResult(recon);
        }
    }
}
