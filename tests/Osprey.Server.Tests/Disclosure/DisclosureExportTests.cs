using System.IO.Compression;
using System.Text.Json.Nodes;
using Osprey.Server.Disclosure;
using static Osprey.Server.Tests.Disclosure.DisclosureTestCases;

namespace Osprey.Server.Tests.Disclosure;

public sealed class DisclosureExportTests
{
    private static readonly CsafPublisher Publisher = new("Example Security Research", new Uri("https://security.example.org"), "psirt@security.example.org");

    private static DisclosureCase FixedAndPublished()
    {
        var c = Reported(Monday)
            .WithStatus(VexStatus.Affected, Monday.AddDays(2), "maintainer", "Reproduced.")
            .Record(new(DisclosureEventKind.MaintainerResponded, Monday.AddDays(2), "maintainer"));
        c = c with { Asset = c.Asset with { FixedVersion = "2.3.2" }, Cvss3Vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N" };
        return c.Record(new(DisclosureEventKind.FixShipped, Monday.AddDays(20), "maintainer", "2.3.2 released"))
            .Record(new(DisclosureEventKind.Published, Monday.AddDays(20), "scheduler"))
            .Record(new(DisclosureEventKind.DetailsReleased, Monday.AddDays(66), "scheduler"));
    }

    public static TheoryData<string> States => ["under_investigation", "affected", "fixed", "not_affected"];

    private static DisclosureCase InState(string state) => state switch
    {
        "under_investigation" => SignedOff(),
        "affected" => SignedOff().WithStatus(VexStatus.Affected, Monday.AddDays(1), "maintainer", "Confirmed."),
        "fixed" => FixedAndPublished(),
        _ => SignedOff().WithStatus(VexStatus.NotAffected, Monday.AddDays(1), "maintainer", "Only reachable from the admin CLI.", VexJustification.VulnerableCodeNotInExecutePath),
    };

    [Theory]
    [MemberData(nameof(States))]
    public void CsafExport_EachVexState_ValidAgainstCsaf20Schema(string state)
    {
        var json = CsafAdvisoryExporter.Export(InState(state), Publisher, Monday.AddDays(70));

        Assert.Empty(PublishedSchemas.Errors(PublishedSchemas.Csaf, json));
    }

    [Fact]
    public void CsafExport_FixedCase_CarriesProfileStatusScoreAndHistory()
    {
        var json = CsafAdvisoryExporter.Export(FixedAndPublished(), Publisher, Monday.AddDays(70));

        Assert.Equal("csaf_security_advisory", (string?)json["document"]!["category"]);
        Assert.Equal("final", (string?)json["document"]!["tracking"]!["status"]);
        Assert.Equal("3", (string?)json["document"]!["tracking"]!["version"]);
        Assert.Equal(3, json["document"]!["tracking"]!["revision_history"]!.AsArray().Count);
        var vulnerability = json["vulnerabilities"]![0]!;
        Assert.Equal("CWE-89", (string?)vulnerability["cwe"]!["id"]);
        Assert.Equal(["CSAFPID-0003"], vulnerability["product_status"]!["fixed"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(9.1, (double)vulnerability["scores"]![0]!["cvss_v3"]!["baseScore"]!);
        Assert.Contains(DisclosureCase.AutomatedSystemLabel, json.ToJsonString().Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void CsafExport_BeforeDetailsRelease_OmitsTrace()
    {
        var json = CsafAdvisoryExporter.ExportJson(InState("affected"), Publisher, Monday.AddDays(5));

        Assert.DoesNotContain("OrdersController.cs", json, StringComparison.Ordinal);
        Assert.Contains("OrdersController.cs", CsafAdvisoryExporter.ExportJson(FixedAndPublished(), Publisher, Monday.AddDays(70)), StringComparison.Ordinal);
    }

    [Fact]
    public void CsafSchema_BrokenDocument_IsRejected()
    {
        // A validator that accepts everything would make the tests above meaningless.
        var json = CsafAdvisoryExporter.Export(InState("affected"), Publisher, Monday);
        json["document"]!["category"] = "";
        json["document"]!["tracking"]!.AsObject().Remove("id");

        Assert.NotEmpty(PublishedSchemas.Errors(PublishedSchemas.Csaf, json));
    }

    [Theory]
    [MemberData(nameof(States))]
    public void OsvExport_EachVexState_ValidAgainstOsvSchema(string state)
    {
        var json = OsvRecordExporter.Export(InState(state), Monday.AddDays(70));

        Assert.Empty(PublishedSchemas.Errors(PublishedSchemas.Osv, json));
    }

    [Fact]
    public void OsvExport_FixedCase_HasRangeSeverityAndCredits()
    {
        var json = OsvRecordExporter.Export(FixedAndPublished(), Monday.AddDays(70));

        Assert.Equal("x_OSP-2026-0001", (string?)json["id"]);
        Assert.Equal("2.3.2", (string?)json["affected"]![0]!["ranges"]![0]!["events"]![1]!["fixed"]);
        Assert.Equal(["CVSS_V4", "CVSS_V3"], json["severity"]!.AsArray().Select(s => (string?)s!["type"]));
        Assert.Equal("TOOL", (string?)json["credits"]![0]!["type"]);
    }

    [Fact]
    public void OsvSchema_BadId_IsRejected()
    {
        var json = OsvRecordExporter.Export(InState("affected"), Monday);
        json["id"] = "OSPREY-1";

        Assert.NotEmpty(PublishedSchemas.Errors(PublishedSchemas.Osv, json));
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "CRITICAL")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "MEDIUM")]
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8, "LOW")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, "CRITICAL")]
    public void TryScore_KnownVectors_MatchFirstCalculator(string vector, double score, string severity)
    {
        Assert.True(Cvss31.TryScore(vector, out var s, out var sev));
        Assert.Equal((score, severity), (s, sev));
    }

    [Fact]
    public void TryScore_IncompleteVector_False()
    {
        Assert.False(Cvss31.TryScore("CVSS:3.1/AV:N/AC:L", out _, out _));
    }

    [Fact]
    public void Build_TwoCases_ZipHasIndexReportsAndReplays()
    {
        var cases = new[] { SignedOff("OSP-2026-0001"), SignedOff("OSP-2026-0002") };

        var zip = MaintainerReportBundle.Build(Contoso, cases, DisclosurePolicy.Default, Monday);

        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(["README.md", "OSP-2026-0001/report.md", "OSP-2026-0001/replay.http", "OSP-2026-0002/report.md", "OSP-2026-0002/replay.http"], archive.Entries.Select(e => e.FullName));
        using var report = new StreamReader(archive.GetEntry("OSP-2026-0001/report.md")!.Open());
        var text = report.ReadToEnd();
        Assert.Contains("Found by an automated system", text, StringComparison.Ordinal);
        Assert.Contains("TLP:AMBER+STRICT", text, StringComparison.Ordinal);
        Assert.Contains("' OR 1=1 --", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnsignedCase_Throws()
    {
        Assert.Throws<DisclosureException>(() => MaintainerReportBundle.Build(Contoso, [Opened()], DisclosurePolicy.Default, Monday));
    }
}
