using Osprey.Server.Disclosure;
using static Osprey.Server.Tests.Disclosure.DisclosureTestCases;

namespace Osprey.Server.Tests.Disclosure;

public sealed class DisclosureTimelineTests
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.Default;

    [Fact]
    public void Compute_NotReported_HasNoDeadlines()
    {
        var d = DisclosureTimeline.Compute(SignedOff(), Policy);

        Assert.Null(d.Publication);
        Assert.Null(d.Escalation);
    }

    [Fact]
    public void Compute_ReportedOnMonday_PublishesNinetyDaysLater()
    {
        // 2 March 2026 + 90 days = Sunday 31 May, which moves to Monday 1 June.
        var d = DisclosureTimeline.Compute(Reported(Monday), Policy);

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), d.Publication);
        Assert.Equal("90 days after the report", d.PublicationRule);
    }

    [Fact]
    public void Compute_NinetyDaysOnWeekday_KeepsTheDay()
    {
        var tuesday = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

        var d = DisclosureTimeline.Compute(Reported(tuesday), Policy);

        Assert.Equal(tuesday.AddDays(90), d.Publication);
        Assert.Equal(DayOfWeek.Monday, d.Publication!.Value.DayOfWeek);
    }

    [Theory]
    [InlineData(2026, 3, 7, 2026, 3, 9)]  // Saturday → Monday
    [InlineData(2026, 3, 8, 2026, 3, 9)]  // Sunday → Monday
    [InlineData(2026, 3, 6, 2026, 3, 6)]  // Friday stays
    public void Shift_WeekendDeadline_MovesToMonday(int y, int m, int d, int ey, int em, int ed)
    {
        var shifted = DisclosureTimeline.Shift(new DateTimeOffset(y, m, d, 12, 0, 0, TimeSpan.Zero), Policy);

        Assert.Equal(new DateTimeOffset(ey, em, ed, 12, 0, 0, TimeSpan.Zero), shifted);
    }

    [Fact]
    public void Shift_PolicyWithoutShift_KeepsSaturday()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(saturday, DisclosureTimeline.Shift(saturday, Policy with { ShiftWeekendDeadlines = false }));
    }

    [Fact]
    public void Compute_FixShipsBeforeDeadline_PublishesAtTheFix()
    {
        var fixAt = Monday.AddDays(31); // Thursday 2 April
        var c = Reported(Monday).Record(new(DisclosureEventKind.FixShipped, fixAt, "maintainer", "2.3.2 released"));

        var d = DisclosureTimeline.Compute(c, Policy);

        Assert.Equal(fixAt, d.Publication);
        Assert.Equal("the fix shipped before the deadline", d.PublicationRule);
    }

    [Fact]
    public void Compute_FixShipsAfterDeadline_KeepsNinetyDays()
    {
        var c = Reported(Monday).Record(new(DisclosureEventKind.FixShipped, Monday.AddDays(120), "maintainer"));

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), DisclosureTimeline.Compute(c, Policy).Publication);
    }

    [Fact]
    public void Compute_ExtensionGranted_AddsFourteenDays()
    {
        var tuesday = Monday.AddDays(1);
        var c = Reported(tuesday)
            .Record(new(DisclosureEventKind.MaintainerResponded, tuesday.AddDays(3), "maintainer", "Confirmed"))
            .Record(new(DisclosureEventKind.ExtensionGranted, tuesday.AddDays(80), "reviewer@osprey", "Fix needs a major release"));

        var d = DisclosureTimeline.Compute(c, Policy);

        Assert.Equal(tuesday.AddDays(104), d.Publication);
        Assert.Contains("14-day extension", d.PublicationRule, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_ExtensionWithoutEngagement_IsRefused()
    {
        var c = Reported(Monday);

        var ex = Assert.Throws<DisclosureException>(() => c.Record(new(DisclosureEventKind.ExtensionGranted, Monday.AddDays(80), "reviewer")));

        Assert.Contains("has not engaged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_SecondExtension_IsRefused()
    {
        var c = Reported(Monday)
            .Record(new(DisclosureEventKind.MaintainerResponded, Monday.AddDays(1), "maintainer"))
            .Record(new(DisclosureEventKind.ExtensionGranted, Monday.AddDays(80), "reviewer"));

        var ex = Assert.Throws<DisclosureException>(() => c.Record(new(DisclosureEventKind.ExtensionGranted, Monday.AddDays(100), "reviewer")));

        Assert.Contains("already granted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ExploitedInTheWild_PublishesAfterSevenDays()
    {
        var tuesday = Monday.AddDays(1);
        var c = Reported(tuesday).Record(new(DisclosureEventKind.ExploitedInTheWild, tuesday.AddDays(2), "reviewer", "Seen in honeypot logs"));

        var d = DisclosureTimeline.Compute(c, Policy);

        Assert.Equal(tuesday.AddDays(9), d.Publication); // Thursday + 7 = Thursday
        Assert.Equal("exploited in the wild: 7 days", d.PublicationRule);
    }

    [Fact]
    public void Compute_ExploitedInTheWildWithExtension_AddsSevenMore()
    {
        var tuesday = Monday.AddDays(1);
        var c = Reported(tuesday)
            .Record(new(DisclosureEventKind.ExploitedInTheWild, tuesday, "reviewer"))
            .Record(new(DisclosureEventKind.MaintainerResponded, tuesday.AddDays(1), "maintainer"))
            .Record(new(DisclosureEventKind.ExtensionGranted, tuesday.AddDays(5), "reviewer"));

        var d = DisclosureTimeline.Compute(c, Policy);

        Assert.Equal(tuesday.AddDays(14), d.Publication);
        Assert.Equal("exploited in the wild: 7 + 7 days", d.PublicationRule);
    }

    [Fact]
    public void Compute_NoResponse_EscalatesAfterThirtyDays()
    {
        var tuesday = Monday.AddDays(1);

        var d = DisclosureTimeline.Compute(Reported(tuesday), Policy);

        Assert.Equal(tuesday.AddDays(30), d.Escalation); // a Thursday
    }

    [Fact]
    public void Compute_MaintainerResponded_NoEscalation()
    {
        var c = Reported(Monday).Record(new(DisclosureEventKind.MaintainerResponded, Monday.AddDays(29), "maintainer"));

        Assert.Null(DisclosureTimeline.Compute(c, Policy).Escalation);
    }

    [Fact]
    public void Compute_FixShipped_HoldsDetailsFortyFiveDays()
    {
        var fixAt = Monday.AddDays(10); // Thursday 12 March; + 45 = Sunday 26 April → Monday 27 April
        var c = Reported(Monday).Record(new(DisclosureEventKind.FixShipped, fixAt, "maintainer"));

        var d = DisclosureTimeline.Compute(c, Policy);

        Assert.Equal(new DateTimeOffset(2026, 4, 27, 9, 0, 0, TimeSpan.Zero), d.DetailsRelease);
    }

    [Fact]
    public void Compute_NoFix_ReleasesDetailsWithPublication()
    {
        var d = DisclosureTimeline.Compute(Reported(Monday), Policy);

        Assert.Equal(d.Publication, d.DetailsRelease);
    }

    [Fact]
    public void Validate_BadSettings_NamesEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => (Policy with { DisclosureDays = 0, MaxNewReportsPerMaintainer = 0 }).Validate());

        Assert.Contains("DisclosureDays must be at least 1 (was 0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxNewReportsPerMaintainer must be at least 1 (was 0)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_PinsTheIssueDefaults()
    {
        Assert.Equal((90, 14, 7, 7, 30, 45, true), (Policy.DisclosureDays, Policy.ExtensionDays, Policy.InTheWildDays, Policy.InTheWildExtensionDays, Policy.EscalationDays, Policy.DetailsHoldDays, Policy.ShiftWeekendDeadlines));
    }
}
