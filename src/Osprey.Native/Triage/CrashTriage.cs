using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Native.Harness;

namespace Osprey.Native.Triage;

/// <summary>
/// Triages a campaign's crashing inputs: minimise, replay each in fresh processes, drop what is
/// not a sanitizer-explained crash, deduplicate by signature (kind plus dedup token or top frames)
/// across the whole scan, and build findings.
/// </summary>
internal sealed class CrashTriage
{
    private readonly CrashReproducer _reproducer;
    private readonly int _attempts;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public CrashTriage(CrashReproducer reproducer, int attempts, IReadOnlyDictionary<string, string> sanitizerEnvironment)
    {
        _reproducer = reproducer;
        _attempts = attempts;
        _environment = sanitizerEnvironment;
    }

    public async Task<ImmutableArray<Finding>> TriageAsync(HarnessBuild build, IEnumerable<string> crashInputs, string root, string workDirectory, CancellationToken cancellationToken)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        // Smallest inputs first: the first of a signature is kept, and small proofs read best.
        foreach (var input in crashInputs.OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal))
        {
            var first = await _reproducer.ReproduceAsync(build.FuzzerPath!, input, 1, workDirectory, cancellationToken).ConfigureAwait(false);
            if (first.Report is null || !_seen.Add(first.Report.Signature))
            {
                continue;
            }

            var proofInput = input;
            if (await _reproducer.MinimizeAsync(build.FuzzerPath!, input, 2000, workDirectory, cancellationToken).ConfigureAwait(false) is { } minimized)
            {
                var check = await _reproducer.ReproduceAsync(build.FuzzerPath!, minimized, 1, workDirectory, cancellationToken).ConfigureAwait(false);
                if (check.Report?.Signature == first.Report.Signature)
                {
                    proofInput = minimized;
                }
            }

            var reproduction = await _reproducer.ReproduceAsync(build.FuzzerPath!, proofInput, _attempts, workDirectory, cancellationToken).ConfigureAwait(false);
            if (reproduction.Report is null)
            {
                reproduction = reproduction with { Report = first.Report };
            }

            var bytes = await File.ReadAllBytesAsync(proofInput, cancellationToken).ConfigureAwait(false);
            findings.Add(CrashFindingFactory.Create(build, reproduction, bytes, RootOf(root), _environment));
        }

        return findings.ToImmutable();
    }

    private static string RootOf(string root) => File.Exists(root) ? Path.GetDirectoryName(root)! : root;
}
