using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// The harnesses prepared during one scan, two per compilation — one for the sink cases, one for the
/// response probes — each prepared once however many findings ask for it at the same time.
/// </summary>
internal sealed class ScanHarnesses
{
    private readonly ConcurrentDictionary<CSharpCompilation, Lazy<Task<PreparedHarness>>> _sinkCases = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<CSharpCompilation, Lazy<Task<PreparedHarness>>> _probes = new(ReferenceEqualityComparer.Instance);

    /// <summary>The harness of <paramref name="compilation"/> for response probes when <paramref name="probes"/> is set, else for sink cases.</summary>
    public Task<PreparedHarness> GetOrPrepareAsync(CSharpCompilation compilation, bool probes, Func<IReadOnlyList<Finding>> findings, TimeProvider time, string root, CancellationToken cancellationToken) =>
        (probes ? _probes : _sinkCases).GetOrAdd(compilation, c => new Lazy<Task<PreparedHarness>>(
            () => Task.Run(() => PreparedHarness.Prepare(c, findings(), time, root), cancellationToken))).Value;
}
