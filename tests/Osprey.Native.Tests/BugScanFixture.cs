using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.Native.Tests.Support;

namespace Osprey.Native.Tests;

/// <summary>
/// Scans <c>Programs/bugs</c> once for all bug-class tests: eight small C libraries, one bug
/// each, none with a fuzz target, so every harness is synthesised from a signature.
/// </summary>
public sealed class BugScanFixture : IAsyncLifetime
{
    private TestPrograms? _programs;

    public ScanReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!TestToolchain.HasClang)
        {
            return;
        }

        _programs = TestPrograms.Copy("bugs");
        Report = await NativeScanRunner.ScanAsync(_programs, TimeSpan.FromSeconds(24), harnesses: 8);
    }

    public Task DisposeAsync()
    {
        _programs?.Dispose();
        return Task.CompletedTask;
    }

    public Finding ConfirmedIn(string function)
    {
        var finding = Report.Findings.FirstOrDefault(f => f.Verification.Status == VerificationStatus.Confirmed && f.EntryPoint?.Handler == function);
        Assert.True(finding is not null,
            $"no confirmed finding reached from {function}. Findings: {string.Join("; ", Report.Findings.Select(f => $"{f.RuleId} {f.Verification.Status} {f.Location}"))}. " +
            $"Diagnostics: {string.Join("; ", Report.Diagnostics.Select(d => d.Message))}");
        return finding!;
    }
}
