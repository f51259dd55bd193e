using Osprey.Server.Disclosure;
using static Osprey.Server.Tests.Disclosure.DisclosureTestCases;

namespace Osprey.Server.Tests.Disclosure;

public sealed class DisclosureCaseTests
{
    [Fact]
    public void Open_NewCase_IsUnderInvestigationWithOneRevision()
    {
        var c = Opened();

        Assert.Equal(VexStatus.UnderInvestigation, c.Status);
        Assert.Equal(1, Assert.Single(c.Revisions).Number);
        Assert.Null(c.SignOff);
    }

    [Fact]
    public void WithStatus_AffectedThenFixed_KeepsHistoryInOrder()
    {
        var c = Opened()
            .WithStatus(VexStatus.Affected, Monday.AddDays(2), "maintainer", "Reproduced by the maintainer.")
            .WithStatus(VexStatus.Fixed, Monday.AddDays(20), "maintainer", "Fixed in 2.3.2.");

        Assert.Equal([VexStatus.UnderInvestigation, VexStatus.Affected, VexStatus.Fixed], c.Revisions.Select(r => r.Status));
        Assert.Equal([1, 2, 3], c.Revisions.Select(r => r.Number));
        Assert.Equal("maintainer", c.Revisions[2].Actor);
    }

    [Fact]
    public void WithStatus_NotAffectedWithoutJustification_Throws()
    {
        var ex = Assert.Throws<DisclosureException>(() => Opened().WithStatus(VexStatus.NotAffected, Monday, "maintainer", "Not reachable."));

        Assert.Contains("not_affected needs a justification", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithStatus_NotAffectedWithJustification_RecordsIt()
    {
        var c = Opened().WithStatus(VexStatus.NotAffected, Monday, "maintainer", "Input is an enum.", VexJustification.VulnerableCodeCannotBeControlledByAdversary);

        Assert.Equal(VexStatus.NotAffected, c.Status);
        Assert.Equal("vulnerable_code_cannot_be_controlled_by_adversary", c.Justification!.Value.ToVexName());
    }

    [Fact]
    public void WithStatus_JustificationOnAffected_Throws()
    {
        Assert.Throws<DisclosureException>(() => Opened().WithStatus(VexStatus.Affected, Monday, "m", "x", VexJustification.ComponentNotPresent));
    }

    [Fact]
    public void WithStatus_FixedBackToUnderInvestigation_IsRefused()
    {
        var c = Opened().WithStatus(VexStatus.Fixed, Monday, "maintainer", "Fixed.");

        var ex = Assert.Throws<DisclosureException>(() => c.WithStatus(VexStatus.UnderInvestigation, Monday, "m", "?"));

        Assert.Contains("cannot go from fixed to under_investigation", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithStatus_RegressionAfterFix_GoesBackToAffected()
    {
        var c = Opened().WithStatus(VexStatus.Fixed, Monday, "m", "Fixed.").WithStatus(VexStatus.Affected, Monday.AddDays(5), "reviewer", "Fix bypassed with double encoding.");

        Assert.Equal(VexStatus.Affected, c.Status);
        Assert.Equal(3, c.Revisions.Length);
    }

    [Fact]
    public void Record_FixShipped_MovesToFixed()
    {
        var c = Reported(Monday).Record(new(DisclosureEventKind.FixShipped, Monday.AddDays(9), "maintainer", "2.3.2 released"));

        Assert.Equal(VexStatus.Fixed, c.Status);
        Assert.Equal("2.3.2 released", c.Revisions[^1].Summary);
    }

    [Fact]
    public void Record_ReportWithoutSignOff_IsRefused()
    {
        var ex = Assert.Throws<DisclosureException>(() => Opened().Record(new(DisclosureEventKind.Reported, Monday, "scheduler")));

        Assert.Contains("reviewer must sign the case off", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyFingerprint_Throws()
    {
        var finding = SqlInjection() with { Fingerprint = "" };

        Assert.Throws<DisclosureException>(() => DisclosureCase.Open("OSP-1", "org", finding, ContosoData, Contoso, Monday, "scanner"));
    }
}
