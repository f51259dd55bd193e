using Osprey.Cli.Tests.Support;
using Osprey.Tests.Shared;

namespace Osprey.Cli.Tests.Scan;

public sealed class ScanCommandBadInputTests
{
    [Fact]
    public async Task Scan_PathDoesNotExist_UsageErrorNamingThePath()
    {
        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", "/no/such/osprey/input");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("'/no/such/osprey/input' does not exist", run.StandardError);
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public async Task Scan_FileCannotBeRead_ScanFailed()
    {
        // Reading /proc/self/mem at offset 0 fails with EIO even for root: a truly unreadable file.
        using var folder = new TempFolder();
        var link = folder["Unreadable.cs"];
        File.CreateSymbolicLink(link, "/proc/self/mem");

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", link);

        Assert.Equal(ExitCodes.ScanFailed, run.ExitCode);
        Assert.Contains("cannot read", run.StandardError);
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public async Task Scan_FileIsNotSource_ScanFailedWithWhatIsSupported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.txt", "EXEC(");

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", path);

        Assert.Equal(ExitCodes.ScanFailed, run.ExitCode);
        Assert.Contains("is not a file Osprey can scan", run.StandardError);
        Assert.Contains(".cs", run.StandardError);
    }

    [Fact]
    public async Task Scan_EmptyFolder_ScanFailedNothingToScan()
    {
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder.Path);

        Assert.Equal(ExitCodes.ScanFailed, run.ExitCode);
        Assert.Contains("nothing to scan", run.StandardError);
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--fail-on", "severe")]
    [InlineData("--threads", "0")]
    [InlineData("--verify-timeout", "soon")]
    [InlineData("--threat-model", "cloud")]
    [InlineData("--no-such-option")]
    public async Task Scan_BadOption_UsageError(params string[] option)
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine()], ["scan", folder.Path, .. option]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("osprey: ", run.StandardError);
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public async Task Scan_MoreOutputsThanFormats_UsageErrorExplainsThePairing()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder.Path, "--format", "json", "--output", "a.json", "--output", "b.json");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("one --output per --format", run.StandardError);
    }

    [Fact]
    public async Task Scan_BaselineIsNotSarif_UsageError()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Programs.Vulnerable);
        var baseline = folder.Write("old.sarif", "this is not json");

        var run = await CliRun.RunAsync([new MarkerEngine()], "scan", folder.Path, "--baseline", baseline);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("cannot read the baseline", run.StandardError);
    }
}
