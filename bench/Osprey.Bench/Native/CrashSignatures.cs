using System.Collections.Immutable;
using Osprey.Native.Triage;

namespace Osprey.Bench.Native;

/// <summary>One distinct crash of a harness: its report, how it is classified, and how many saved inputs showed it.</summary>
/// <param name="Harness">The harness that crashed.</param>
/// <param name="Report">The sanitizer report of the first input that showed it.</param>
/// <param name="Class">Osprey's classification.</param>
/// <param name="Inputs">Saved crashing inputs with this signature.</param>
/// <param name="Reproduced">Fresh runs of the first input that crashed the same way, out of <paramref name="Attempts"/>.</param>
/// <param name="Attempts">Fresh runs made.</param>
/// <param name="Input">The first input with this signature.</param>
internal sealed record DistinctCrash(string Harness, SanitizerReport Report, CrashClass Class, int Inputs, int Reproduced, int Attempts, string Input)
{
    /// <summary>Whether every fresh run crashed the same way.</summary>
    public bool Confirmed => Reproduced == Attempts;

    /// <summary>The faulting program frame, <c>function file:line</c>.</summary>
    public string Where => Report.CrashFrame is { } f ? $"{f.Function} {Path.GetFileName(f.File ?? "?")}:{f.Line}" : "?";
}

/// <summary>
/// Groups a campaign's saved crashing inputs into distinct crashes: each input is replayed once
/// to learn its signature (kind plus dedup token or top frames, as Osprey's triage does), then
/// the first input of each signature is replayed three times in fresh processes to confirm it.
/// Smallest inputs first, at most <c>limit</c> inputs, so that a campaign that saved thousands of
/// copies of one easy crash does not stall the bench.
/// </summary>
internal static class CrashSignatures
{
    public static async Task<ImmutableArray<DistinctCrash>> GroupAsync(CrashReproducer reproducer, string harness, string fuzzer, IEnumerable<string> inputs, string work, int limit, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, (SanitizerReport Report, string Input, int Count)>(StringComparer.Ordinal);
        foreach (var input in inputs.OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).Take(limit))
        {
            var probe = await reproducer.ReproduceAsync(fuzzer, input, 1, work, cancellationToken);
            if (probe.Report is not { } report)
            {
                continue;
            }

            groups[report.Signature] = groups.TryGetValue(report.Signature, out var known) ? known with { Count = known.Count + 1 } : (report, input, 1);
        }

        var crashes = ImmutableArray.CreateBuilder<DistinctCrash>();
        foreach (var (signature, group) in groups)
        {
            var check = await reproducer.ReproduceAsync(fuzzer, group.Input, 3, work, cancellationToken);
            var same = check.Report?.Signature == signature ? check.Reproduced : 0;
            crashes.Add(new DistinctCrash(harness, group.Report, CrashClassifier.Classify(group.Report), group.Count, same, 3, group.Input));
        }

        return crashes.ToImmutable();
    }
}
