using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;

namespace Osprey.Tests.Shared;

/// <summary>
/// A deterministic test engine: every line containing <c>EXEC(</c> in a C# file is a finding whose
/// trace starts at the nearest earlier line containing <c>SOURCE(</c> in the same method. Lets the
/// pipeline, reports and CLI be tested end to end without the real engines.
/// </summary>
public sealed partial class MarkerEngine : IDiscoveryEngine
{
    public static readonly Rule MarkerRule = new()
    {
        Id = "test/marker-injection",
        Name = "MarkerInjection",
        Cwes = [89],
        DefaultSeverity = Severity.High,
        ShortDescription = "Marked input reaches a marked sink",
        FullDescription = "A test rule: SOURCE( flows to EXEC(.",
        Help = "Do not pass SOURCE( to EXEC(.\n\n```csharp\nEXEC(Sanitize(SOURCE()));\n```",
        Tags = ["injection"],
    };

    private readonly Func<string, bool>? _crashOn;

    public MarkerEngine(string name = "marker", Func<string, bool>? crashOn = null)
    {
        Name = name;
        _crashOn = crashOn;
    }

    public string Name { get; }

    public IReadOnlyList<Rule> Rules { get; } = [MarkerRule];

    public bool AppliesTo(ReconResult recon) => recon.FilesOf(SourceLanguage.CSharp).Any();

    public Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        foreach (var file in recon.FilesOf(SourceLanguage.CSharp))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lines = File.ReadAllLines(file.FullPath);
            string? member = null;
            int? sourceLine = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var method = MethodPattern().Match(lines[i]);
                if (method.Success)
                {
                    member = "Sample." + method.Groups[1].Value + "()";
                    sourceLine = null;
                }

                if (lines[i].Contains("SOURCE(", StringComparison.Ordinal))
                {
                    sourceLine = i + 1;
                }

                if (!lines[i].Contains("EXEC(", StringComparison.Ordinal))
                {
                    continue;
                }

                if (_crashOn?.Invoke(file.RelativePath) == true)
                {
                    throw new InvalidOperationException($"marker engine crashed on {file.RelativePath}");
                }

                var sink = new SourceLocation { FilePath = file.RelativePath, StartLine = i + 1, StartColumn = lines[i].IndexOf("EXEC(", StringComparison.Ordinal) + 1, Member = member };
                var trace = ImmutableArray.CreateBuilder<TraceStep>();
                if (sourceLine is { } s)
                {
                    trace.Add(new TraceStep { Kind = TraceStepKind.Source, Description = "read from SOURCE()", Location = new SourceLocation { FilePath = file.RelativePath, StartLine = s, Member = member } });
                }

                trace.Add(new TraceStep { Kind = TraceStepKind.Sink, Description = "reached EXEC()", Location = sink });
                context.Report(new Finding
                {
                    RuleId = MarkerRule.Id,
                    Cwes = MarkerRule.Cwes,
                    Title = "Marker injection",
                    Message = $"SOURCE() reaches EXEC() in {member}.",
                    Severity = lines[i].Contains("// low", StringComparison.Ordinal) ? Severity.Low : Severity.High,
                    Confidence = Confidence.High,
                    Location = sink,
                    Trace = trace.ToImmutable(),
                    SourceKind = "remote",
                    SinkKind = "marker",
                });
            }
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\bvoid\s+(\w+)\s*\(")]
    private static partial Regex MethodPattern();
}
