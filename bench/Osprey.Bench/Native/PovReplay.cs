using System.Collections.Immutable;
using Osprey.Native.Triage;

namespace Osprey.Bench.Native;

/// <summary>What replaying one CPV's proof input did.</summary>
/// <param name="Cpv">The vulnerability.</param>
/// <param name="Reproduced">Fresh runs that crashed the same way, out of <paramref name="Attempts"/>.</param>
/// <param name="Attempts">Fresh runs made.</param>
/// <param name="Report">The sanitizer report, or null when no run crashed.</param>
/// <param name="Class">Osprey's classification, or null.</param>
internal sealed record PovReplay(AixccCpv Cpv, int Reproduced, int Attempts, SanitizerReport? Report, CrashClass? Class)
{
    /// <summary>Whether the sanitizer named the kind of error the challenge expects (<c>AddressSanitizer: heap-buffer-overflow</c>).</summary>
    public bool MatchesExpected => Report is { } r && Cpv.ExpectedSanitizer.Contains(r.Headline.Contains("double-free", StringComparison.Ordinal) ? "double-free" : r.Kind, StringComparison.Ordinal);

    /// <summary>Replays every CPV's proof input three times in fresh sandboxed processes and classifies the crash.</summary>
    /// <remarks>The replays are saved to <c>pov/replays.json</c> in the work folder and reused by a later run on the same build.</remarks>
    public static async Task<ImmutableArray<PovReplay>> RunAsync(CrashReproducer reproducer, AixccChallenge challenge, ChallengeBuild build, string work, Action<string> prepare, CancellationToken cancellationToken)
    {
        var saved = Path.Combine(work, "pov", "replays.json");
        if (File.Exists(saved) && File.GetLastWriteTimeUtc(saved) > build.Harnesses.Values.Max(File.GetLastWriteTimeUtc)
            && System.Text.Json.JsonSerializer.Deserialize<ImmutableArray<PovReplay>>(await File.ReadAllTextAsync(saved, cancellationToken)) is { IsDefaultOrEmpty: false } known
            && known.Select(k => k.Cpv).SequenceEqual(challenge.Cpvs))
        {
            return known;
        }

        var replays = ImmutableArray.CreateBuilder<PovReplay>();
        foreach (var cpv in challenge.Cpvs)
        {
            if (cpv.Blob is null || !build.Harnesses.TryGetValue(cpv.Harness, out var fuzzer))
            {
                replays.Add(new PovReplay(cpv, 0, 0, null, null));
                continue;
            }

            var folder = Path.Combine(work, "pov", cpv.Id);
            prepare(folder);
            var reproduction = await reproducer.ReproduceAsync(fuzzer, cpv.Blob, 3, folder, cancellationToken);
            replays.Add(new PovReplay(cpv, reproduction.Reproduced, reproduction.Attempts, reproduction.Report, reproduction.Report is { } r ? CrashClassifier.Classify(r) : null));
        }

        var result = replays.ToImmutable();
        await File.WriteAllTextAsync(saved, System.Text.Json.JsonSerializer.Serialize(result), cancellationToken);
        return result;
    }
}
