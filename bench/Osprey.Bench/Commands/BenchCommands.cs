using Osprey.Bench.Cli;

namespace Osprey.Bench.Commands;

/// <summary>Dispatches the command line to a benchmark.</summary>
internal static class BenchCommands
{
    /// <summary>How to call the bench.</summary>
    public const string Usage = """
        usage: Osprey.Bench <benchmark> [options]
          juliet-cs   --path <Juliet C# checkout> --out <dir> [--cwe 78,89] [--tools osprey,scs,netanalyzers] [--peer-cwe …] [--verify] [--work <dir>] [--cases]
          flowblot    --path <FlowBlot.NET checkout> --truth <bench-truth/flowblot> --out <dir> [--tools osprey,scs,netanalyzers] [--projects A,B] [--work <dir>]
          throughput  --path <folder|.sln|.csproj> [--repeat 3] [--scs] [--local] [--work <dir>] [--out <dir>]
          samples     --path <samples folder> [--out <dir>]
          server-load --sample <folder> [--clients 64] [--seconds 60] [--postgres <connection>] [--out <dir>]
          abuse-sim   [--seed 1] [--history-days 14] [--fingerprint-trials 200] [--repo .] [--skip-traffic] [--out <dir>]
          native-juliet --path <Juliet C/C++ checkout> --work <dir> [--per-variant N | --per-cwe N] [--seed S] [--cwe 121,122] [--batch 80] [--parallel 2] [--out <dir>]
          native-magma --magma <Magma checkout> --libpng <libpng checkout> --work <dir> [--minutes 10] [--out <dir>]
          native-aixcc --cp <challenge checkout> --source <nginx checkout> --work <dir> [--minutes 20] [--harness-minutes h=10,…] [--harnesses a,b] [--triage-limit 40] [--out <dir>]
        """;

    private static readonly IReadOnlySet<string> Flags = new HashSet<string> { "verify", "scs", "local", "skip-traffic", "cases" };

    /// <summary>Parses <paramref name="args"/> and runs the benchmark; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsed = BenchArguments.Parse(args, Flags);
        var known = parsed.Command switch
        {
            "juliet-cs" => JulietCommand.Options,
            "flowblot" => FlowBlotCommand.Options,
            "samples" => SamplesCommand.Options,
            "throughput" => ThroughputCommand.Options,
            "server-load" => ServerLoadCommand.Options,
            "abuse-sim" => AbuseSimCommand.Options,
            "native-aixcc" => Native.NativeAixccCommand.Options,
            "native-juliet" => Native.NativeJulietCommand.Options,
            "native-magma" => Native.NativeMagmaCommand.Options,
            Throughput.ThroughputChild.Command => ThroughputCommand.ChildOptions,
            _ => throw new BenchUsageException($"Unknown benchmark '{parsed.Command}'."),
        };
        if (parsed.Unknown(known).FirstOrDefault() is { } unknown)
        {
            throw new BenchUsageException($"{parsed.Command} has no option --{unknown}.");
        }

        return parsed.Command switch
        {
            "juliet-cs" => JulietCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            "flowblot" => FlowBlotCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            "samples" => SamplesCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            "throughput" => ThroughputCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            "server-load" => ServerLoadCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            "abuse-sim" => AbuseSimCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            "native-aixcc" => Native.NativeAixccCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            "native-juliet" => Native.NativeJulietCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            "native-magma" => Native.NativeMagmaCommand.RunAsync(parsed, stdout, stderr, time, cancellationToken),
            Throughput.ThroughputChild.Command => Throughput.ThroughputChild.RunAsync(parsed.Required("mode"), parsed.Required("path"), stdout, cancellationToken),
            _ => throw new BenchUsageException($"Unknown benchmark '{parsed.Command}'."),
        };
    }
}
