using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.Native.Tests.Support;

namespace Osprey.Native.Tests;

public sealed class ScanBehaviourTests
{
    [NativeFact]
    public async Task Scan_CrashDependingOnAFileCounter_IsNotConfirmed()
    {
        using var programs = TestPrograms.Copy("flaky");

        var report = await NativeScanRunner.ScanAsync(programs, TimeSpan.FromSeconds(5), harnesses: 1);

        // The fuzzer crashes at count 1; the first replay runs at 2, the three checks at 3, 4 and 5.
        Assert.Equal(1, report.Statistics.GetValueOrDefault("native.crash-inputs"));
        Assert.DoesNotContain(report.Findings, f => f.Verification.Status == VerificationStatus.Confirmed);
        var crash = Assert.Single(report.Findings, f => f.Verification.Verifier == "native-sanitizer");
        Assert.Equal("c/null-dereference", crash.RuleId);
        Assert.StartsWith("the crash reproduced 1 of 3 times", crash.Verification.Reason);
        Assert.Equal(Confidence.Low, crash.Confidence);
    }

    [NativeFact]
    public async Task Scan_BugBehindARequestInATestScript_IsFoundFromTheScriptsSeed()
    {
        // The bug needs the exact request line of login.t, guarded by a hash no fuzzer inverts.
        using var programs = TestPrograms.Copy("scriptseed");

        var report = await NativeScanRunner.ScanAsync(programs, TimeSpan.FromSeconds(4), harnesses: 1);

        Assert.Contains(report.Findings, f => f.Verification.Status == VerificationStatus.Confirmed && f.RuleId == "c/null-dereference" && f.Location.FilePath == "server.c");
        Assert.Equal(1, report.Statistics.GetValueOrDefault("native.seeds"));
    }

    [NativeFact]
    public async Task Scan_HarnessThatDoesNotBuild_IsReportedAndTheScanGoesOn()
    {
        using var programs = TestPrograms.Copy("mixed");

        var report = await NativeScanRunner.ScanAsync(programs, TimeSpan.FromSeconds(6), harnesses: 2);

        var failure = Assert.Single(report.Diagnostics, d => d.Code == "native-harness-build-failed");
        Assert.Contains("parse_broken", failure.Message);
        Assert.Contains("error", failure.Message);
        Assert.Contains(report.Findings, f => f.Verification.Status == VerificationStatus.Confirmed && f.RuleId == "c/heap-buffer-overflow" && f.Location.FilePath == "good.c");
    }

    [NativeFact]
    public async Task Scan_WithoutFuzzTime_ReportsStaticCandidatesAsUnverified()
    {
        using var programs = TestPrograms.Copy("bugs");

        var report = await NativeScanRunner.ScanAsync(programs, TimeSpan.Zero, harnesses: 1);

        Assert.Contains(report.Diagnostics, d => d.Code == "native-fuzzing-off");
        Assert.NotEmpty(report.Findings);
        Assert.All(report.Findings, f => Assert.Equal(VerificationStatus.Unverified, f.Verification.Status));
        Assert.Contains(report.Findings, f => f.RuleId == "c/double-free" && f.Location.FilePath == "release.c" && f.Properties["checker"] == "unix.Malloc");
    }
}
