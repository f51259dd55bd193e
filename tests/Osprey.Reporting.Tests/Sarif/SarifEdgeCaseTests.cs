using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.Reporting.Sarif;
using Osprey.Reporting.Tests.Support;

namespace Osprey.Reporting.Tests.Sarif;

/// <summary>Unusual but legal reports must still produce SARIF that validates.</summary>
public class SarifEdgeCaseTests
{
    private readonly SarifReportRenderer _renderer = new();

    [Fact]
    public async Task RenderAsync_FileOutsideTheRoot_UsesAnAbsoluteFileUriAndValidates()
    {
        var finding = SampleReports.WeakHash with { Location = new SourceLocation { FilePath = "/usr/include/openssl/md5.h", StartLine = 3 } };
        var sarif = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [finding] });
        using var document = System.Text.Json.JsonDocument.Parse(sarif);
        var artifact = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        Assert.Equal("file:///usr/include/openssl/md5.h", artifact.GetProperty("uri").GetString());
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
        Assert.Empty(SchemaValidator.ValidateSarif(sarif));
    }

    [Fact]
    public async Task RenderAsync_UnknownLineAndNoFingerprint_OmitsRegionAndFingerprintAndValidates()
    {
        var finding = SampleReports.WeakHash with { Location = new SourceLocation { FilePath = "app.config", StartLine = 0 }, Fingerprint = "" };
        var sarif = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [finding] });
        using var document = System.Text.Json.JsonDocument.Parse(sarif);
        var result = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0];

        Assert.False(result.GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _));
        Assert.False(result.TryGetProperty("partialFingerprints", out _));
        Assert.Empty(SchemaValidator.ValidateSarif(sarif));
    }

    [Fact]
    public async Task RenderAsync_ToolWithoutInformationUri_OmitsItAndValidates()
    {
        var report = SampleReports.Sample() with { Tool = new ToolInfo { Name = "Osprey", Version = "1.2.3", InformationUri = "not a uri" } };
        var sarif = await Render.ToStringAsync(_renderer, report);

        Assert.DoesNotContain("informationUri", sarif, StringComparison.Ordinal);
        Assert.Empty(SchemaValidator.ValidateSarif(sarif));
    }

    [Fact]
    public async Task RenderAsync_InfoSeverityFindingWithBinaryProof_Validates()
    {
        var proof = new Proof { EntryPoint = "LLVMFuzzerTestOneInput", Payload = "AAEC/w==", PayloadEncoding = "base64", Observed = "ERROR: AddressSanitizer: heap-buffer-overflow" };
        var finding = SampleReports.WeakHash with
        {
            Severity = Severity.Info,
            Verification = Verification.Confirmed(proof, "native-fuzz", TimeSpan.FromSeconds(30)),
        };
        var sarif = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [finding] });

        Assert.Empty(SchemaValidator.ValidateSarif(sarif));
        Assert.Contains("\"payloadEncoding\": \"base64\"", sarif, StringComparison.Ordinal);
    }
}
