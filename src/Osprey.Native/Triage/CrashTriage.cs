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
    private readonly TimeSpan _minimizeTime;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public CrashTriage(CrashReproducer reproducer, int attempts, TimeSpan minimizeTime, IReadOnlyDictionary<string, string> sanitizerEnvironment)
    {
        _minimizeTime = minimizeTime;
        _reproducer = reproducer;
        _attempts = attempts;
        _environment = sanitizerEnvironment;
    }

    /// <summary>Crashing inputs that no fresh run reproduced.</summary>
    public int Unreproduced { get; private set; }

    public async Task<ImmutableArray<Finding>> TriageAsync(HarnessBuild build, IEnumerable<string> crashInputs, string root, string workDirectory, CancellationToken cancellationToken)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        // Smallest inputs first: the first of a signature is kept, and small proofs read best.
        foreach (var input in crashInputs.OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal))
        {
            var probe = await _reproducer.ReproduceAsync(build.FuzzerPath!, input, 1, workDirectory, cancellationToken).ConfigureAwait(false);
            if (probe.Report is { } probed && _seen.Contains(probed.Signature))
            {
                continue;
            }

            CrashReproduction? reproduction = null;
            var proofInput = input;
            if (probe.Report is not null && await _reproducer.MinimizeAsync(build.FuzzerPath!, input, _minimizeTime, workDirectory, cancellationToken).ConfigureAwait(false) is { } minimized)
            {
                var check = await _reproducer.ReproduceAsync(build.FuzzerPath!, minimized, _attempts, workDirectory, cancellationToken).ConfigureAwait(false);
                if (check.IsStable && check.Report!.Signature == probe.Report.Signature)
                {
                    (reproduction, proofInput) = (check, minimized);
                }
            }

            // Not minimised, or the first run did not crash: the original input gets its fresh runs.
            reproduction ??= await _reproducer.ReproduceAsync(build.FuzzerPath!, input, _attempts, workDirectory, cancellationToken).ConfigureAwait(false);
            if (reproduction.Report is null)
            {
                Unreproduced++;
                continue;
            }

            if (!_seen.Add(reproduction.Report.Signature))
            {
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(proofInput, cancellationToken).ConfigureAwait(false);
            findings.Add(CrashFindingFactory.Create(build, reproduction, bytes, RootOf(root), _environment));
        }

        return findings.ToImmutable();
    }

    private static string RootOf(string root) => File.Exists(root) ? Path.GetDirectoryName(root)! : root;
}
