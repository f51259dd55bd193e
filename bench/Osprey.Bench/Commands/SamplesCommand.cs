using System.Globalization;
using System.Text;
using Osprey.Bench.Cli;
using Osprey.Bench.Reporting;
using Osprey.Bench.Samples;

namespace Osprey.Bench.Commands;

/// <summary><c>samples --path &lt;samples folder&gt; [--verify] [--out &lt;dir&gt;]</c></summary>
internal static class SamplesCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "path", "out", "verify" };

    /// <summary>Scores every sample and prints a table; writes samples.json into --out when given.</summary>
    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(args.Required("path"));
        if (!Directory.Exists(path))
        {
            throw new BenchUsageException($"--path '{path}' is not a folder.");
        }

        var startedAt = time.GetUtcNow();
        if (args.Flag("verify"))
        {
            return await Proof.SampleProofCommand.RunAsync(path, args.Optional("out"), startedAt, stdout, stderr, cancellationToken);
        }

        var scores = await SamplesBenchmark.RunAsync(path, stderr, cancellationToken);
        if (args.Optional("out") is { } output)
        {
            BenchJson.Write(Path.Combine(output, "samples.json"), new { benchmark = "samples", suite = path, startedAt, samples = scores });
        }

        await stdout.WriteAsync(Render(scores));
        return 0;
    }

    /// <summary>A summary table and, per sample, one row per ground-truth entry.</summary>
    public static string Render(IReadOnlyList<SampleScore> scores)
    {
        var text = new StringBuilder();
        text.AppendLine("| sample | found | missed | false alarms | other findings | seconds |");
        text.AppendLine("|---|---:|---|---|---:|---:|");
        foreach (var s in scores)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Sample} | {s.Found}/{s.Vulnerabilities} | {string.Join(", ", s.Missed)} | {s.FalseAlarms.Count}/{s.Safe} {string.Join(", ", s.FalseAlarms)} | {s.OtherFindings} | {s.Seconds:0.0} |"));
        }

        foreach (var s in scores)
        {
            text.AppendLine();
            text.AppendLine($"## {s.Sample}");
            text.AppendLine();
            text.AppendLine("| id | CWE | file:line | method | expected | result | rules |");
            text.AppendLine("|---|---:|---|---|---|---|---|");
            foreach (var r in s.Entries)
            {
                var expected = r.Entry.Vulnerable ? "report" : "silent";
                var result = r.Entry.Vulnerable ? (r.Reported ? "found" : "MISSED") : (r.Reported ? "FALSE ALARM" : "ok");
                text.AppendLine($"| {r.Entry.Id} | {r.Entry.Cwe} | {r.Entry.File}:{r.Entry.Line} | {r.Entry.Method} | {expected} | {result} | {string.Join(", ", r.RuleIds)} |");
            }

            foreach (var error in s.Errors)
            {
                text.AppendLine();
                text.AppendLine($"Error: {error}");
            }
        }

        return text.ToString();
    }
}
