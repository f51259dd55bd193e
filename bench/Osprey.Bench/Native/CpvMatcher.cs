using Osprey.Native.Triage;

namespace Osprey.Bench.Native;

/// <summary>
/// Says which challenge vulnerability a crash is, by comparing it with the crash each CPV's own
/// proof input produces: the same dedup token, or the same faulting program frame (function).
/// The proof inputs are used only for this mapping, never to fuzz.
/// </summary>
internal sealed class CpvMatcher
{
    private readonly IReadOnlyList<PovReplay> _povs;

    public CpvMatcher(IReadOnlyList<PovReplay> povs) => _povs = povs.Where(p => p.Report is not null).ToList();

    /// <summary>The CPV the crash is, or null when it matches none.</summary>
    public string? Match(SanitizerReport crash)
    {
        foreach (var pov in _povs)
        {
            if (pov.Report!.DedupToken is { } token && token == crash.DedupToken)
            {
                return pov.Cpv.Id;
            }
        }

        var frame = crash.CrashFrame?.Function;
        return frame is null ? null : _povs.FirstOrDefault(p => p.Report!.CrashFrame?.Function == frame)?.Cpv.Id;
    }
}
