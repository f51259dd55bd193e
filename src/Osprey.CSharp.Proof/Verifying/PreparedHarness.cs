using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Harness;
using Osprey.CSharp.Proof.Sandbox;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// A shared harness compiled and emitted once for the findings of one compilation, ready for each
/// of them to run in its own sandbox. Its directory is deleted when every case has run (or when disposed).
/// </summary>
internal sealed class PreparedHarness : IDisposable
{
    private readonly SandboxWorkspace _directory;
    private readonly Dictionary<string, int> _positions;
    private int _remaining;

    private PreparedHarness(SandboxWorkspace directory, IReadOnlyList<Finding> findings, SharedHarness shared, IReadOnlyList<Diagnostic> emitErrors, TimeSpan preparation)
    {
        _directory = directory;
        Findings = findings;
        Shared = shared;
        EmitErrors = emitErrors;
        PreparationPerCase = preparation / Math.Max(1, findings.Count);
        _positions = [];
        for (var i = 0; i < findings.Count; i++)
        {
            _positions.TryAdd(Key(findings[i]), i);
        }

        _remaining = findings.Count;
        if (_remaining == 0)
        {
            _directory.Dispose();
        }
    }

    /// <summary>The findings, in case order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public SharedHarness Shared { get; }

    /// <summary>Why the compiled harness could not be written; empty when it was.</summary>
    public IReadOnlyList<Diagnostic> EmitErrors { get; }

    /// <summary>Synthesis, compilation and emission time divided among the cases: each proof's share.</summary>
    public TimeSpan PreparationPerCase { get; }

    /// <summary>The harness assembly's full path.</summary>
    public string AssemblyPath => _directory.PathOf(HarnessEmitter.AssemblyFileName);

    /// <summary>Synthesises, compiles and emits the harness; <paramref name="root"/> resolves the relative paths of a compilation the verifier parsed itself.</summary>
    public static PreparedHarness Prepare(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation, IReadOnlyList<Finding> findings, TimeProvider time, string? root = null)
    {
        var started = time.GetTimestamp();
        var requests = findings.Select(f => new HarnessRequest(f, Harness.Web.ResponseProbes.Supports(f) ? [Harness.Web.ResponseProbes.Harmless] : Oracles.SinkOracles.For(f.SinkKind)!.Payloads)).ToList();
        var shared = HarnessBuilder.BuildShared(compilation, requests);
        var directory = SandboxWorkspace.Create();
        var errors = shared.Compilation is { } built ? HarnessEmitter.Emit(built, directory.Directory, shared.UsesAspNetCore, [.. shared.Libraries, .. AppSettings(shared.StartupFile, root)]) : [];
        return new PreparedHarness(directory, findings, shared, errors, time.GetElapsedTime(started));
    }

    // The app's configuration files, which its startup reads from the content root (the sandbox's working directory).
    private static IEnumerable<string> AppSettings(string? startupFile, string? root)
    {
        if (startupFile is null)
        {
            return [];
        }

        var full = Path.IsPathRooted(startupFile) ? startupFile : Path.Combine(root ?? "", startupFile);
        var folder = Path.GetDirectoryName(Path.GetFullPath(full));
        return folder is not null && Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "appsettings*.json") : [];
    }

    /// <summary>The case position of <paramref name="finding"/> (same rule and trace), or null when it is not in this harness.</summary>
    public int? PositionOf(Finding finding) => _positions.TryGetValue(Key(finding), out var position) ? position : null;

    /// <summary>Records that one case has run; the last one deletes the harness.</summary>
    public void CaseDone()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _directory.Dispose();
        }
    }

    public void Dispose() => _directory.Dispose();

    private static string Key(Finding finding) =>
        finding.RuleId + "|" + string.Join('|', finding.Trace.Select(s => s.Location.ToString()));
}
