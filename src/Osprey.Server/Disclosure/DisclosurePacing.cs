namespace Osprey.Server.Disclosure;

/// <summary>
/// Pacing: no maintainer receives more than <see cref="DisclosurePolicy.MaxNewReportsPerMaintainer"/>
/// new reports in any rolling <see cref="DisclosurePolicy.PacingWindow"/>. Signed-off cases beyond that
/// wait in order of sign-off (then opening, then id) and are released as the window frees up.
/// </summary>
internal static class DisclosurePacing
{
    /// <summary>The signed-off, unsent cases that may be sent now, in order.</summary>
    public static IReadOnlyList<DisclosureCase> Releasable(DateTimeOffset now, IReadOnlyCollection<DisclosureCase> cases, DisclosurePolicy policy) =>
        Plan(now, cases, policy).Where(p => p.SendableAt <= now).Select(p => p.Case).ToList();

    /// <summary>Every signed-off, unsent case with the earliest time it may be sent, assuming each is sent as soon as allowed.</summary>
    public static IReadOnlyList<(DisclosureCase Case, DateTimeOffset SendableAt)> Plan(DateTimeOffset now, IReadOnlyCollection<DisclosureCase> cases, DisclosurePolicy policy)
    {
        var plan = new List<(DisclosureCase, DateTimeOffset)>();
        foreach (var group in cases.GroupBy(c => c.Maintainer.Id, StringComparer.Ordinal))
        {
            var sends = group
                .Select(c => c.First(DisclosureEventKind.Reported)?.At)
                .OfType<DateTimeOffset>()
                .Where(at => at > now - policy.PacingWindow)
                .OrderBy(at => at)
                .ToList();
            var waiting = group
                .Where(c => c.SignOff is not null && !c.Has(DisclosureEventKind.Reported) && c.Status != VexStatus.NotAffected)
                .OrderBy(c => c.SignOff!.At).ThenBy(c => c.OpenedAt).ThenBy(c => c.Id, StringComparer.Ordinal);
            foreach (var c in waiting)
            {
                // The n-th send after the last N may go once the send N places before it leaves the window.
                var at = sends.Count < policy.MaxNewReportsPerMaintainer
                    ? now
                    : Max(now, sends[sends.Count - policy.MaxNewReportsPerMaintainer] + policy.PacingWindow);
                sends.Add(at);
                plan.Add((c, at));
            }
        }

        return plan;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
