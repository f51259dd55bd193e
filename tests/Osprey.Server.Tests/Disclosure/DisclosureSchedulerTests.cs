using Osprey.Server.Disclosure;
using static Osprey.Server.Tests.Disclosure.DisclosureTestCases;

namespace Osprey.Server.Tests.Disclosure;

public sealed class DisclosureSchedulerTests
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.Default;

    [Fact]
    public void DueActions_UnsignedCase_SendsNothing()
    {
        Assert.Empty(DisclosureScheduler.DueActions(Monday.AddDays(200), List(Opened()), Policy));
    }

    [Fact]
    public void DueActions_SignedOffCase_SendsReport()
    {
        var action = Assert.Single(DisclosureScheduler.DueActions(Monday, List(SignedOff()), Policy));

        Assert.Equal(DisclosureActionKind.SendReport, action.Kind);
        Assert.Contains("reviewer@osprey", action.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DueActions_ReminderFourteenDaysBefore_SentOnce()
    {
        var c = Reported(Monday).Record(new(DisclosureEventKind.MaintainerResponded, Monday.AddDays(1), "maintainer"));
        var at = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero).AddDays(-14);

        var reminder = Assert.Single(DisclosureScheduler.DueActions(at, List(c), Policy));
        var after = c.Record(reminder.ToEvent(at));

        Assert.Equal(("publication-minus-14d", DisclosureActionKind.SendReminder), (reminder.Key, reminder.Kind));
        Assert.Empty(DisclosureScheduler.DueActions(at.AddDays(1), List(after), Policy));
    }

    [Fact]
    public void DueActions_SilentMaintainerAfterThirtyDays_Escalates()
    {
        var due = DisclosureScheduler.DueActions(Monday.AddDays(30), List(Reported(Monday)), Policy);

        var escalate = Assert.Single(due, a => a.Kind == DisclosureActionKind.Escalate);
        Assert.Contains("No response from Contoso Data team 30 days after the report", escalate.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(DisclosureScheduler.DueActions(Monday.AddDays(29), List(Reported(Monday)), Policy), a => a.Kind == DisclosureActionKind.Escalate);
    }

    [Fact]
    public void DueActions_DeadlineWithoutFix_PublishesAndReleasesDetails()
    {
        var c = Reported(Monday)
            .Record(new(DisclosureEventKind.MaintainerResponded, Monday.AddDays(1), "maintainer"))
            .Record(new(DisclosureEventKind.ReminderSent, Monday.AddDays(80), "scheduler", Key: "publication-minus-3d"));

        var due = DisclosureScheduler.DueActions(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), List(c), Policy);

        Assert.Equal([DisclosureActionKind.Publish, DisclosureActionKind.ReleaseDetails], due.Select(a => a.Kind));
    }

    [Fact]
    public void DueActions_SundayNinetiethDay_WaitsForMonday()
    {
        var c = Reported(Monday).Record(new(DisclosureEventKind.MaintainerResponded, Monday.AddDays(1), "maintainer"));

        var sunday = DisclosureScheduler.DueActions(Monday.AddDays(90), List(c), Policy);

        Assert.DoesNotContain(sunday, a => a.Kind == DisclosureActionKind.Publish);
    }

    [Fact]
    public void DueActions_AfterFix_DetailsWaitFortyFiveDays()
    {
        var fixAt = Monday.AddDays(10);
        var c = Reported(Monday)
            .Record(new(DisclosureEventKind.MaintainerResponded, Monday.AddDays(1), "maintainer"))
            .Record(new(DisclosureEventKind.FixShipped, fixAt, "maintainer"));
        c = c.Record(new(DisclosureEventKind.Published, fixAt, "scheduler"));

        Assert.Empty(DisclosureScheduler.DueActions(fixAt.AddDays(44), List(c), Policy));
        var release = Assert.Single(DisclosureScheduler.DueActions(fixAt.AddDays(46), List(c), Policy));
        Assert.Equal(DisclosureActionKind.ReleaseDetails, release.Kind);
        Assert.Contains("45 days have passed since the fix shipped", release.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DueActions_NotAffectedCase_NothingMore()
    {
        var c = Reported(Monday).WithStatus(VexStatus.NotAffected, Monday.AddDays(3), "maintainer", "Dead code.", VexJustification.VulnerableCodeNotInExecutePath);

        Assert.Empty(DisclosureScheduler.DueActions(Monday.AddDays(200), List(c), Policy));
    }
}
