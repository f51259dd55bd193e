using Osprey.Server.Abuse;

namespace Osprey.Server.Tests.Abuse;

/// <summary>One small population shared by the per-signal tests: two organisations of each benign profile and every attack, seen at the end of the attack day.</summary>
internal static class SignalFixture
{
    private static readonly Lazy<(SyntheticTraffic Traffic, AbuseWindow Window)> Shared = new(() =>
    {
        var traffic = new SyntheticTraffic(seed: 3);
        for (var i = 0; i < 2; i++) traffic.CiOrganisation().ReleaseOrganisation().MonorepoOrganisation();
        traffic.TemplatedAttack().HarvestingAttack().HydraAttack().OutOfScopeAttack().SlowAndLowAttack();
        return (traffic, AbuseWindow.From(SyntheticTraffic.AttackStart.AddHours(24), traffic.Events, traffic.Assets, new AbuseDetectionOptions()));
    });

    public static SyntheticTraffic Traffic => Shared.Value.Traffic;

    public static AbuseWindow Window => Shared.Value.Window;

    public static HashSet<string> AllBenignKeys => Traffic.BenignKeys.Values.SelectMany(k => k).ToHashSet();

    /// <summary>Key ids the signal fired for (organisation results count for every key of the organisation).</summary>
    public static List<AbuseSignalResult> Fired(IAbuseSignal signal) => signal.Evaluate(Window).ToList();

    public static bool FiredFor(IEnumerable<AbuseSignalResult> results, string key) =>
        results.Any(r => r.Subject.Id == key || (r.Subject.Kind == AbuseSubjectKind.Organisation && key.StartsWith(r.Subject.Id + "-", StringComparison.Ordinal)));
}
