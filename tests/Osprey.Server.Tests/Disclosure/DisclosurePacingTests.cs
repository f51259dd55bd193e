using Osprey.Server.Disclosure;
using static Osprey.Server.Tests.Disclosure.DisclosureTestCases;

namespace Osprey.Server.Tests.Disclosure;

public sealed class DisclosurePacingTests
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.Default with { MaxNewReportsPerMaintainer = 3 };

    private static DisclosureCase[] Pending(int count, MaintainerContact? maintainer = null, string prefix = "OSP-2026-") =>
        Enumerable.Range(1, count).Select(i => SignedOff($"{prefix}{i:0000}", Monday.AddMinutes(i), maintainer)).ToArray();

    [Fact]
    public void Releasable_FiveWaitingLimitThree_ReleasesFirstThreeInSignOffOrder()
    {
        var released = DisclosurePacing.Releasable(Monday.AddHours(1), Pending(5).Reverse().ToArray(), Policy);

        Assert.Equal(["OSP-2026-0001", "OSP-2026-0002", "OSP-2026-0003"], released.Select(c => c.Id));
    }

    [Fact]
    public void Releasable_ThreeSentThisWeek_QueuesTheRest()
    {
        var cases = Pending(5);
        for (var i = 0; i < 3; i++) cases[i] = cases[i].Record(new(DisclosureEventKind.Reported, Monday.AddDays(1), "scheduler"));

        Assert.Empty(DisclosurePacing.Releasable(Monday.AddDays(7), cases, Policy));
        Assert.Equal(["OSP-2026-0004", "OSP-2026-0005"], DisclosurePacing.Releasable(Monday.AddDays(8).AddMinutes(1), cases, Policy).Select(c => c.Id));
    }

    [Fact]
    public void Plan_QueuedCases_GetTheirReleaseTimes()
    {
        var plan = DisclosurePacing.Plan(Monday.AddHours(1), Pending(7), Policy);

        Assert.Equal(
            [Monday.AddHours(1), Monday.AddHours(1), Monday.AddHours(1), Monday.AddHours(1).AddDays(7), Monday.AddHours(1).AddDays(7), Monday.AddHours(1).AddDays(7), Monday.AddHours(1).AddDays(14)],
            plan.Select(p => p.SendableAt));
    }

    [Fact]
    public void Releasable_OtherMaintainer_HasItsOwnBudget()
    {
        var other = Contoso with { Id = "security@fabrikam.example", Name = "Fabrikam" };
        var cases = Pending(4).Concat(Pending(2, other, "FAB-")).ToArray();

        var released = DisclosurePacing.Releasable(Monday.AddHours(1), cases, Policy);

        Assert.Equal(3, released.Count(c => c.Maintainer.Id == Contoso.Id));
        Assert.Equal(2, released.Count(c => c.Maintainer.Id == other.Id));
    }
}
