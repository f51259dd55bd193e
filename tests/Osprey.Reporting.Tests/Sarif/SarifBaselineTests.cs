using Osprey.Reporting.Sarif;
using Osprey.Reporting.Tests.Support;

namespace Osprey.Reporting.Tests.Sarif;

public sealed class SarifBaselineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task LoadFingerprints_SarifWrittenByOsprey_ReturnsEveryFindingsFingerprint()
    {
        var report = SampleReports.Sample();
        var path = _temp.File("baseline.sarif", await Render.ToStringAsync(new SarifReportRenderer(), report));

        var fingerprints = SarifBaseline.LoadFingerprints(path);

        Assert.Equal(report.Findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal), fingerprints.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoadFingerprints_ResultsOfOtherToolsAndRuns_OnlyOspreyKeysAreRead()
    {
        var path = _temp.File("mixed.sarif", """
            {
              "version": "2.1.0",
              "runs": [
                { "tool": { "driver": { "name": "other" } },
                  "results": [ { "message": { "text": "x" }, "partialFingerprints": { "primaryLocationLineHash": "abc:1" } } ] },
                { "tool": { "driver": { "name": "Osprey" } },
                  "results": [ { "message": { "text": "y" }, "partialFingerprints": { "osprey/v1": "1234" } },
                               { "message": { "text": "z" } } ] }
              ]
            }
            """);

        var fingerprints = SarifBaseline.LoadFingerprints(path);

        Assert.Equal(["1234"], fingerprints);
    }

    [Fact]
    public void LoadFingerprints_MissingFile_ThrowsReportFormatExceptionNamingThePath()
    {
        var path = System.IO.Path.Combine(_temp.Path, "nope.sarif");

        var error = Assert.Throws<ReportFormatException>(() => SarifBaseline.LoadFingerprints(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFingerprints_NotJson_ThrowsReportFormatExceptionWithTheLine()
    {
        var path = _temp.File("broken.sarif", "{\n  \"runs\": [\n    oops\n");

        var error = Assert.Throws<ReportFormatException>(() => SarifBaseline.LoadFingerprints(path));

        Assert.Contains("not valid JSON (line 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFingerprints_JsonWithoutRuns_ThrowsNotSarif()
    {
        var path = _temp.File("report.json", """{ "schemaVersion": 1, "findings": [] }""");

        var error = Assert.Throws<ReportFormatException>(() => SarifBaseline.LoadFingerprints(path));

        Assert.Contains("is not a SARIF log: it has no 'runs' array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFingerprints_OtherSarifVersion_ThrowsNotSarif()
    {
        var path = _temp.File("old.sarif", """{ "version": "1.0.0", "runs": [] }""");

        var error = Assert.Throws<ReportFormatException>(() => SarifBaseline.LoadFingerprints(path));

        Assert.Contains("expected '2.1.0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFingerprints_TopLevelArray_ThrowsNotSarif()
    {
        var path = _temp.File("array.sarif", "[]");

        Assert.Throws<ReportFormatException>(() => SarifBaseline.LoadFingerprints(path));
    }

    public void Dispose() => _temp.Dispose();
}
