using Osprey.Cli.Tests.Support;
using Osprey.Tests.Shared;

namespace Osprey.Cli.Tests;

public sealed class FingerprintCommandTests
{
    [Fact]
    public async Task Identify_UnmarkedText_NotAttributed()
    {
        using var folder = new TempFolder();
        var text = folder.Write("leak.txt", "This report was written by a person. It names no organisation and carries no marks.");
        var keys = folder.Write("keys.txt", "org-a " + Convert.ToBase64String(new byte[32]) + "\norg-b " + Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) + "\n");

        var run = await CliRun.RunAsync([new MarkerEngine()], "fingerprint", "identify", text, "--keys", keys);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("org-a", run.StandardOutput.Split('\n').FirstOrDefault() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_BadKeyList_UsageErrorNamingTheLine()
    {
        using var folder = new TempFolder();
        var text = folder.Write("leak.txt", "anything");
        var keys = folder.Write("keys.txt", "org-a not-base64!!\n");

        var run = await CliRun.RunAsync([new MarkerEngine()], "fingerprint", "identify", text, "--keys", keys);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("1", run.StandardError);
    }
}
