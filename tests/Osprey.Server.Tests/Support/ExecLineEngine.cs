using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Rules;

namespace Osprey.Server.Tests.Support;

/// <summary>
/// A tiny discovery engine for server tests: a finding for every line containing <c>EXEC(</c>,
/// (its prose is served with the reader's output fingerprint: the first word of each text carries
/// an invisible tag and phrasings such as "reaches" may vary, so tests match the words after it),
/// with a two-step trace (the first line mentioning <c>input</c> as source) and a confirmed proof. A file
/// containing <c>SLOW_SCAN</c> makes it wait (unless <c>OSPREY_TEST_FAST=1</c>), so that a test can
/// kill the server in the middle of a scan.
/// </summary>
internal sealed class ExecLineEngine : IDiscoveryEngine
{
    public const string RuleId = "test/exec";
    public const string Payload = "'; DROP TABLE users; --";

    public static readonly Rule Rule = new()
    {
        Id = RuleId,
        Name = "Exec",
        ShortDescription = "Input reaches EXEC(",
        FullDescription = "A test rule.",
        Help = "Do not call EXEC( with input.",
    };

    public string Name => "exec-line";

    public IReadOnlyList<Rule> Rules => [Rule];

    public bool AppliesTo(ReconResult recon) => true;

    public async Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        foreach (var file in recon.Files)
        {
            var lines = await File.ReadAllLinesAsync(file.FullPath, cancellationToken);
            if (lines.Any(l => l.Contains("SLOW_SCAN", StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("OSPREY_TEST_FAST") != "1")
            {
                await Task.Delay(TimeSpan.FromMinutes(5), cancellationToken);
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].Contains("EXEC(", StringComparison.Ordinal)) continue;
                var sink = new SourceLocation { FilePath = file.RelativePath, StartLine = i + 1, Snippet = lines[i].Trim() };
                var sourceLine = Math.Max(0, Array.FindIndex(lines, l => l.Contains("input", StringComparison.Ordinal)));
                var source = new SourceLocation { FilePath = file.RelativePath, StartLine = sourceLine + 1, Snippet = lines[sourceLine].Trim() };
                context.Report(new Finding
                {
                    RuleId = RuleId,
                    Title = "Command execution",
                    Message = $"Input reaches EXEC( at line {i + 1}.",
                    Severity = Severity.High,
                    Location = sink,
                    Trace =
                    [
                        new TraceStep { Location = source, Description = "input read", Kind = TraceStepKind.Source },
                        new TraceStep { Location = sink, Description = "sink: EXEC( called with input", Kind = TraceStepKind.Sink },
                    ],
                    Verification = Verification.Confirmed(new Proof
                    {
                        EntryPoint = "GET /run",
                        Payload = Payload,
                        Observed = "EXEC('" + Payload + "')",
                        Explanation = "The payload reached EXEC( unescaped.",
                        Replay = new ReplayArtifact { Kind = "curl", Content = "curl 'http://localhost/run?q=%27%3B%20DROP'" },
                    }, "test-verifier", TimeSpan.FromMilliseconds(1)),
                });
            }
        }
    }

    public static ScanPipeline Pipeline() => new([new ExecLineEngine()]);
}
