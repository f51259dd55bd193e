using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Tests.Verifying;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.CSharp.Proof.Tests.Web;

/// <summary>
/// The scan's path: findings reported to the scan and verified one at a time share the harnesses the
/// first call prepares — the probe's one apart from the one whose sink it would otherwise lose.
/// </summary>
public sealed class ScanProbeHarnessTests
{
    private const string Controllers = "src/Shop/Controllers.cs";

    [Fact]
    public async Task VerifyAsync_ReportedProbeAndHeaderInjectionInOneAction_AreBothConfirmed()
    {
        var app = ShopSample.App();
        var header = app.Finding("header-injection", Controllers, "// look source", Controllers, "// look cookie");
        var cookie = app.Probe("cs/cookie-without-httponly", Controllers, "// look cookie");
        var context = ScannedProgram.Context(TimeSpan.FromSeconds(60));
        context.Report(header);
        context.Report(cookie);
        var verifier = new CSharpProofVerifier(new ProofOptions { CompilationProvider = _ => app.Compilation });

        var cookieProof = await verifier.VerifyAsync(context, ScannedProgram.Recon, cookie, CancellationToken.None);
        var headerProof = await verifier.VerifyAsync(context, ScannedProgram.Recon, header, CancellationToken.None);

        Assert.True(cookieProof.Status == VerificationStatus.Confirmed, $"cookie: {cookieProof.Status}: {cookieProof.Reason}");
        Assert.StartsWith("Set-Cookie: look=osprey", cookieProof.Proof!.Observed, StringComparison.Ordinal);
        Assert.True(headerProof.Status == VerificationStatus.Confirmed, $"header: {headerProof.Status}: {headerProof.Reason}");
    }
}
