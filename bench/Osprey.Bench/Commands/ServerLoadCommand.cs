using System.Globalization;
using System.Text;
using Osprey.Bench.Cli;
using Osprey.Bench.Load;
using Osprey.Bench.Reporting;

namespace Osprey.Bench.Commands;

/// <summary><c>server-load --sample &lt;folder&gt; [--clients 64] [--seconds 60] [--postgres &lt;connection&gt;] [--out &lt;dir&gt;]</c></summary>
internal static class ServerLoadCommand
{
    /// <summary>Options this command takes.</summary>
    public static readonly IReadOnlySet<string> Options = new HashSet<string> { "sample", "clients", "seconds", "postgres", "out" };

    /// <summary>Runs the load on SQLite, then on PostgreSQL when a connection string is given, in the same run.</summary>
    public static async Task<int> RunAsync(BenchArguments args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var sample = Path.GetFullPath(args.Required("sample"));
        if (!Directory.Exists(sample))
        {
            throw new BenchUsageException($"--sample '{sample}' is not a folder.");
        }

        var clients = int.Parse(args.Optional("clients") ?? "64", CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(int.Parse(args.Optional("seconds") ?? "60", CultureInfo.InvariantCulture));
        var startedAt = time.GetUtcNow();
        var results = new List<LoadResult> { await ServerLoadBenchmark.RunAsync(null, sample, clients, duration, stderr, cancellationToken) };
        if (args.Optional("postgres") is { } postgres)
        {
            results.Add(await ServerLoadBenchmark.RunAsync(postgres, sample, clients, duration, stderr, cancellationToken));
        }

        if (args.Optional("out") is { } output)
        {
            BenchJson.Write(Path.Combine(output, "server-load.json"), new { benchmark = "server-load", startedAt, results });
        }

        await stdout.WriteAsync(Render(results));
        return results.All(r => r.LostWrites == 0 && r.Operations.All(o => o.Errors == 0)) ? 0 : 1;
    }

    public static string Render(IEnumerable<LoadResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| database | clients | operation | requests | req/s | p50 ms | p99 ms | max ms | errors |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var o in r.Operations)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Database} | {r.Clients} | {o.Operation} | {o.Requests} | {o.PerSecond:0.0} | {o.P50Ms:0.0} | {o.P99Ms:0.0} | {o.MaxMs:0} | {o.Errors} |"));
            }
        }

        text.AppendLine();
        foreach (var r in results)
        {
            var codes = string.Join(", ", r.StatusCodes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"));
            text.AppendLine($"{r.Database}: {r.AcceptedSubmissions} submissions accepted, {r.StoredSubmissions} stored, {r.LostWrites} lost; status codes {codes}");
        }

        return text.ToString();
    }
}
