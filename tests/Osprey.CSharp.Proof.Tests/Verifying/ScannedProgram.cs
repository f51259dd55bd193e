using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;
using Osprey.CSharp.Proof.Harness;

namespace Osprey.CSharp.Proof.Tests.Verifying;

/// <summary>
/// A small C# program written for a test, compiled in memory as the loader would, with a
/// hand-made finding whose trace starts on the line marked <c>// source</c> and ends on the line
/// marked <c>// sink</c> — the shape the C# engine's findings have.
/// </summary>
internal sealed class ScannedProgram
{
    public const string FilePath = "src/App/Program.cs";

    private ScannedProgram(string source, bool aspNetCore)
    {
        Source = source;
        var references = PlatformReferences.Runtime;
        if (aspNetCore)
        {
            var netcore = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var asp = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(netcore))!, "Microsoft.AspNetCore.App", Path.GetFileName(netcore));
            references = references.AddRange(Directory.GetFiles(asp, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
        }

        Compilation = CSharpCompilation.Create("App", [CSharpSyntaxTree.ParseText(source, path: FilePath)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    public string Source { get; }

    public CSharpCompilation Compilation { get; }

    public static ScannedProgram Of(string source, bool aspNetCore = false) => new(source, aspNetCore);

    public int LineOf(string marker)
    {
        var lines = Source.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimEnd().EndsWith(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line ends with '{marker}'");
        return index + 1;
    }

    public Finding Finding(string sinkKind, EntryPoint? entryPoint = null) => Finding(sinkKind, "// source", "// sink", entryPoint);

    /// <summary>A finding from the line ending with <paramref name="sourceMarker"/> to the line ending with <paramref name="sinkMarker"/>.</summary>
    public Finding Finding(string sinkKind, string sourceMarker, string sinkMarker, EntryPoint? entryPoint = null)
    {
        var source = new SourceLocation { FilePath = FilePath, StartLine = LineOf(sourceMarker), Member = "App.Program" };
        var sink = new SourceLocation { FilePath = FilePath, StartLine = LineOf(sinkMarker), Member = "App.Program" };
        return new Finding
        {
            RuleId = "cs/" + sinkKind,
            Title = sinkKind,
            Message = "test finding",
            Location = sink,
            SinkKind = sinkKind,
            SourceKind = "remote",
            EntryPoint = entryPoint,
            Trace =
            [
                new TraceStep { Kind = TraceStepKind.Source, Location = source, Description = "source" },
                new TraceStep { Kind = TraceStepKind.Sink, Location = sink, Description = "sink" },
            ],
        };
    }

    public static ScanContext Context(TimeSpan? timeout = null) =>
        new(new ScanTarget { Path = Path.GetTempPath(), Kind = ScanTargetKind.Folder },
            ScanOptions.Default with { Verify = true, VerifyTimeout = timeout ?? TimeSpan.FromSeconds(30) });

    public static ReconResult Recon { get; } = new() { Files = ImmutableArray<SourceFile>.Empty };
}
