using System.Collections.Immutable;
using Osprey.Native.Sandbox;

namespace Osprey.Bench.Native;

/// <summary>The Magma bugs some inputs reached (the canary's code ran) and triggered (its condition held).</summary>
/// <param name="Reached">Bug ids whose canary ran.</param>
/// <param name="Triggered">Bug ids whose canary condition was true.</param>
internal sealed record CanaryHits(ImmutableArray<string> Reached, ImmutableArray<string> Triggered);

/// <summary>
/// Osprey's own implementation of Magma's <c>magma_log(bug, condition)</c> hook, linked into the
/// fuzzer in place of Magma's shared-memory monitor: when <c>OSPREY_MAGMA_LOG</c> names a file, the
/// first time a process reaches or triggers a bug it appends one line to it. During fuzzing the
/// variable is unset and the hook returns at once. After a campaign the corpus and the crashing
/// inputs are replayed with it set, which tells which bugs the campaign reached and triggered.
/// </summary>
internal static class MagmaCanaryLog
{
    public const string FileName = "osprey_magma_log.c";

    public const string Source = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>

        void magma_log(const char *bug, int condition) {
            static FILE *log;
            static int opened;
            static char seen[64][2][16];
            static int count[2];
            if (!opened) {
                const char *path = getenv("OSPREY_MAGMA_LOG");
                opened = 1;
                log = path ? fopen(path, "a") : NULL;
            }
            if (!log) return;
            for (int kind = 0; kind <= (condition ? 1 : 0); kind++) {
                int known = 0;
                for (int i = 0; i < count[kind]; i++) known |= strcmp(seen[i][kind], bug) == 0;
                if (known || count[kind] >= 64) continue;
                strncpy(seen[count[kind]++][kind], bug, 15);
                fprintf(log, "%s %s\n", kind ? "triggered" : "reached", bug);
                fflush(log);
            }
        }
        """;

    /// <summary>Replays <paramref name="corpus"/> (one libFuzzer run over the folder) and each crashing input, and reads the log.</summary>
    public static async Task<CanaryHits> ReplayAsync(NativeSandbox sandbox, string fuzzer, string corpus, IEnumerable<string> crashInputs, string work, CancellationToken cancellationToken)
    {
        var log = Path.Combine(work, "canaries.log");
        File.Delete(log);
        async Task Run(IEnumerable<string> args)
        {
            var spec = sandbox.Wrap(fuzzer, args, work, TimeSpan.FromMinutes(10));
            await ProcessRunner.RunAsync(spec with { Environment = spec.Environment.SetItem("OSPREY_MAGMA_LOG", log) }, cancellationToken);
        }

        await Run(["-runs=0", "-timeout=10", corpus]);
        foreach (var input in crashInputs)
        {
            await Run([input]);
        }

        var lines = File.Exists(log) ? await File.ReadAllLinesAsync(log, cancellationToken) : [];
        ImmutableArray<string> Of(string kind) =>
            [.. lines.Select(l => l.Split(' ', 2)).Where(p => p.Length == 2 && p[0] == kind).Select(p => p[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return new CanaryHits(Of("reached"), Of("triggered"));
    }
}
