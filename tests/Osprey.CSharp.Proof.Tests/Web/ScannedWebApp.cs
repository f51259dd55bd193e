using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Harness;

namespace Osprey.CSharp.Proof.Tests.Web;

/// <summary>
/// A small ASP.NET Core app written for a test — top-level <c>Program.cs</c>, controllers, services —
/// compiled in memory as the loader would, with hand-made findings whose trace runs from the line of
/// one file ending with a source marker to the line of another ending with a sink marker.
/// </summary>
internal sealed class ScannedWebApp
{
    private readonly Dictionary<string, string> _files;

    public ScannedWebApp(Dictionary<string, string> files)
    {
        _files = files;
        var netcore = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var asp = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(netcore))!, "Microsoft.AspNetCore.App", Path.GetFileName(netcore));
        var references = PlatformReferences.Runtime.AddRange(Directory.GetFiles(asp, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        Compilation = CSharpCompilation.Create("WebApp", files.Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, path: f.Key)), references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    }

    public CSharpCompilation Compilation { get; }

    public Finding Finding(string sinkKind, string sourceFile, string sourceMarker, string sinkFile, string sinkMarker) => new()
    {
        RuleId = "cs/" + sinkKind,
        Title = sinkKind,
        Message = "test finding",
        Location = At(sinkFile, sinkMarker),
        SinkKind = sinkKind,
        SourceKind = "remote",
        Trace =
        [
            new TraceStep { Kind = TraceStepKind.Source, Location = At(sourceFile, sourceMarker), Description = "source" },
            new TraceStep { Kind = TraceStepKind.Sink, Location = At(sinkFile, sinkMarker), Description = "sink" },
        ],
    };

    /// <summary>A finding without a trace, proven by the HTTP response of the action that contains the marked line.</summary>
    public Finding Probe(string ruleId, string file, string marker) => new()
    {
        RuleId = ruleId,
        Title = ruleId,
        Message = "test finding",
        Location = At(file, marker),
        EntryPoint = new EntryPoint { Kind = EntryPointKind.Http, Name = "an action" },
    };

    private SourceLocation At(string file, string marker)
    {
        var lines = _files[file].Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimEnd().EndsWith(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line of {file} ends with '{marker}'");
        return new SourceLocation { FilePath = file, StartLine = index + 1 };
    }
}
