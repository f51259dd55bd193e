using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Osprey.Native.Triage;

namespace Osprey.Bench.Native;

/// <summary>
/// Says which challenge vulnerability a crash is. A crash is a CPV when the sanitizer names the
/// same kind of error as the CPV's own proof input and either a function the CPV's fix
/// (<c>patches/*/good_patch.diff</c>) changes is on the crash's stack, or, for a CPV whose fix
/// lies off its proof's stack, the crash has the same dedup token or faulting frame as the proof.
/// So a heap overflow in a shared helper (<c>ngx_sprintf_str</c>) is a CPV only when it is reached
/// through the function the CPV's fix changes. The proof inputs are used only for this mapping,
/// never to fuzz.
/// </summary>
internal sealed partial class CpvMatcher
{
    private readonly IReadOnlyList<(string Id, CrashShape Proof, ImmutableHashSet<string> Fixed)> _cpvs;

    /// <param name="proofs">Each CPV's id and the crash its proof input produces.</param>
    /// <param name="fixedFunctions">CPV id to the functions its fix changes (none known: an empty set or no entry).</param>
    public CpvMatcher(IEnumerable<(string Id, CrashShape Proof)> proofs, IReadOnlyDictionary<string, ImmutableHashSet<string>> fixedFunctions) =>
        _cpvs = [.. proofs.Select(p => (p.Id, p.Proof, fixedFunctions.GetValueOrDefault(p.Id) ?? []))];

    /// <summary>A matcher for the proof inputs that crashed.</summary>
    public static CpvMatcher For(IEnumerable<PovReplay> povs, IReadOnlyDictionary<string, ImmutableHashSet<string>> fixedFunctions) =>
        new(povs.Where(p => p.Report is not null).Select(p => (p.Cpv.Id, CrashShape.Of(p.Report!))), fixedFunctions);

    [GeneratedRegex(@"^@@[^@\n]*@@[^(\n]*?(?<name>[A-Za-z_]\w*)\s*\(", RegexOptions.Multiline)]
    private static partial Regex HunkFunction();

    /// <summary>The functions a unified diff's hunks are in, from the hunk headers (<c>@@ -1,2 +1,3 @@ f(int x)</c>).</summary>
    public static ImmutableHashSet<string> FixedFunctions(string diff) =>
        [.. HunkFunction().Matches(diff).Select(m => m.Groups["name"].Value)];

    /// <summary>Each CPV's fixed functions, read from <c>.internal_only/&lt;id&gt;/patches/*/good_patch.diff</c>.</summary>
    public static ImmutableDictionary<string, ImmutableHashSet<string>> ReadFixedFunctions(AixccChallenge challenge) =>
        challenge.Cpvs.ToImmutableDictionary(c => c.Id, c =>
        {
            var patches = Path.Combine(challenge.Root, ".internal_only", c.Id, "patches");
            return Directory.Exists(patches)
                ? Directory.EnumerateFiles(patches, "good_patch.diff", SearchOption.AllDirectories).SelectMany(p => FixedFunctions(File.ReadAllText(p))).ToImmutableHashSet()
                : [];
        });

    /// <summary>The CPV the crash is, or null when it matches none.</summary>
    public string? Match(SanitizerReport crash) => Match(CrashShape.Of(crash));

    /// <summary>The CPV a crash of this shape is, or null when it matches none.</summary>
    public string? Match(CrashShape crash)
    {
        foreach (var (id, proof, fixedFunctions) in _cpvs.Where(c => c.Proof.Kind == crash.Kind))
        {
            var matches = proof.Functions.Any(fixedFunctions.Contains)
                ? crash.Functions.Any(fixedFunctions.Contains)
                : (proof.DedupToken is { } token && token == crash.DedupToken) || (proof.CrashFrame is { } frame && frame == crash.CrashFrame);
            if (matches)
            {
                return id;
            }
        }

        return null;
    }
}

/// <summary>What the matcher compares of a crash: the sanitizer's kind, the stack's functions, the dedup token and the faulting program frame.</summary>
internal sealed record CrashShape(string Kind, ImmutableArray<string> Functions, string? DedupToken, string? CrashFrame)
{
    /// <summary>The shape of a parsed sanitizer report.</summary>
    public static CrashShape Of(SanitizerReport report) =>
        new(report.Kind, [.. report.Frames.Select(f => f.Function)], report.DedupToken, report.CrashFrame?.Function);
}
