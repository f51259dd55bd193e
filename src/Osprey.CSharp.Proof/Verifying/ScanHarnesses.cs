using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>The harnesses prepared during one scan, one per compilation, each prepared once however many findings ask for it at the same time.</summary>
internal sealed class ScanHarnesses
{
    private readonly ConcurrentDictionary<CSharpCompilation, Lazy<Task<PreparedHarness>>> _byCompilation = new(ReferenceEqualityComparer.Instance);

    public Task<PreparedHarness> GetOrPrepareAsync(CSharpCompilation compilation, Func<IReadOnlyList<Finding>> findings, TimeProvider time, string root, CancellationToken cancellationToken) =>
        _byCompilation.GetOrAdd(compilation, c => new Lazy<Task<PreparedHarness>>(
            () => Task.Run(() => PreparedHarness.Prepare(c, findings(), time, root), cancellationToken))).Value;
}
