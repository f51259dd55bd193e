using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Rules;

namespace Osprey.Bench.Abuse;

/// <summary>
/// The discovery engine of the abuse simulation: a finding with a trace and a confirmed proof for
/// every line that assigns a concatenated <c>CommandText</c>. It stands in for the real engines so
/// that thousands of simulated scans cost milliseconds each, while the server still stores findings,
/// traces and proofs for the simulated clients to read.
/// </summary>
internal sealed class SimulationEngine : IDiscoveryEngine
{
    public const string Marker = "CommandText = sql";

    private static readonly Rule Rule = new()
    {
        Id = "sim/sql-concatenation",
        Name = "SQL built by concatenation",
        ShortDescription = "Request input reaches a SQL command",
        FullDescription = "A simulated rule for the abuse benchmark.",
        Help = "Use parameterised commands.",
    };

    public string Name => "abuse-sim";

    public IReadOnlyList<Rule> Rules => [Rule];

    public bool AppliesTo(ReconResult recon) => true;

    public async Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken)
    {
        foreach (var file in recon.Files)
        {
            var lines = await File.ReadAllLinesAsync(file.FullPath, cancellationToken);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].Contains(Marker, StringComparison.Ordinal)) continue;
                var sink = new SourceLocation { FilePath = file.RelativePath, StartLine = i + 1, Snippet = lines[i].Trim() };
                var source = new SourceLocation { FilePath = file.RelativePath, StartLine = Math.Max(1, i - 1), Snippet = lines[Math.Max(0, i - 2)].Trim() };
                context.Report(new Finding
                {
                    RuleId = Rule.Id,
                    Title = "SQL injection",
                    Message = "The request parameter reaches the SQL command because the query is built by string concatenation; an attacker can change the statement.",
                    Severity = Severity.High,
                    Location = sink,
                    Trace =
                    [
                        new TraceStep { Location = source, Description = "The parameter is read from the request.", Kind = TraceStepKind.Source },
                        new TraceStep { Location = sink, Description = "It reaches the command text without being parameterized.", Kind = TraceStepKind.Sink },
                    ],
                    Verification = Verification.Confirmed(new Osprey.Core.Findings.Proof
                    {
                        EntryPoint = "GET /api/items",
                        Payload = "' OR '1'='1",
                        Observed = "the query returned every row",
                        Explanation = "The payload reaches the database unchanged, since the value is concatenated into the statement; an attacker can read every row.",
                    }, "abuse-sim", TimeSpan.FromMilliseconds(1)),
                });
            }
        }
    }

    public static ScanPipeline Pipeline() => new([new SimulationEngine()]);
}
