using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp.Recon;
using Osprey.CSharp.Tests.Recon;

namespace Osprey.CSharp.Tests.Engine;

/// <summary>The API-misuse rules on samples/ShopApp against its GROUND_TRUTH.md.</summary>
public sealed class ShopAppScanTests : IClassFixture<ShopAppScanTests.Fixture>
{
    private readonly ScanReport _report;

    public ShopAppScanTests(Fixture fixture) => _report = fixture.Report;

    [Theory]
    [InlineData("V14", "cs/hardcoded-credentials", "Services/MailService.cs", 11)]
    [InlineData("V15", "cs/weak-hash", "Services/PasswordHasher.cs", 10)]
    [InlineData("V16", "cs/insecure-randomness", "Services/TokenService.cs", 11)]
    [InlineData("V17", "cs/cookie-without-secure", "Controllers/CartController.cs", 36)]
    [InlineData("V17", "cs/cookie-without-httponly", "Controllers/CartController.cs", 36)]
    [InlineData("V18", "cs/error-details-exposure", "Controllers/ImportController.cs", 24)]
    public void Scan_ShopApp_FindsTheMisuseVulnerability(string id, string rule, string file, int line)
    {
        Assert.True(_report.Findings.Any(f => f.RuleId == rule && f.Location.FilePath == file && f.Location.StartLine == line), $"{id} was not found");
    }

    [Theory]
    [InlineData("S11", "Services/TokenService.cs", 17)]
    [InlineData("S12", "Services/ProductService.cs", 29)]
    public void Scan_ShopApp_DoesNotFlagTheSafeLookAlike(string id, string file, int line)
    {
        Assert.False(_report.Findings.Any(f => f.Location.FilePath == file && f.Location.StartLine == line), $"{id} was flagged");
    }

    [Fact]
    public void Scan_ShopApp_ReportsNoOtherMisuseFindings()
    {
        var misuse = MisuseRuleIds();
        var lines = _report.Findings.Where(f => misuse.Contains(f.RuleId)).Select(f => $"{f.Location.FilePath}:{f.Location.StartLine}").Distinct().Order();

        // DiagnosticsService.cs:28 starts `nslookup` by name (CWE-426, untrusted search path); the ground
        // truth lists that line as S05 only because no command injection is possible there.
        Assert.Equal(["Controllers/CartController.cs:36", "Controllers/ImportController.cs:24", "Services/DiagnosticsService.cs:28", "Services/MailService.cs:11", "Services/PasswordHasher.cs:10", "Services/TokenService.cs:11"], lines);
    }

    [Fact]
    public void Scan_ShopApp_ErrorDetailsFindingCarriesItsAdminEntryPoint()
    {
        var finding = Assert.Single(_report.Findings, f => f.RuleId == "cs/error-details-exposure");

        Assert.Equal(AuthRequirement.Privileged, finding.EntryPoint?.Auth);
        Assert.Equal("POST /api/admin/import/catalog", finding.EntryPoint?.Name);
    }

    [Fact]
    public void Scan_ShopApp_ResolvesEverySymbol()
    {
        Assert.Equal(0, _report.Statistics["csharp.unresolved-symbols"]);
        Assert.Equal(0, _report.Statistics["csharp.unresolved-references"]);
    }

    private static ImmutableHashSet<string> MisuseRuleIds() => [.. new Osprey.CSharp.Misuse.MisuseAnalyzer().Rules.Select(r => r.Id)];

    public sealed class Fixture : IAsyncLifetime
    {
        public ScanReport Report { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var target = ScanTarget.TryCreate(ReconHarness.RepositoryFile("samples/ShopApp"), out _)!;
            Report = await new ScanPipeline([new CSharpEngine()], [new CSharpEntryPointRecon()]).RunAsync(target, ScanOptions.Default with { Threads = 2 });
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
