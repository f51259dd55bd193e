using Osprey.Core.Scanning;

namespace Osprey.Core.Tests.Scanning;

public sealed class ScanOptionsTests
{
    [Fact]
    public void Default_IsValid_AndExcludesBuildOutput()
    {
        Assert.Empty(ScanOptions.Default.Validate());
        Assert.Contains("**/bin/**", ScanOptions.Default.Exclude);
        Assert.Contains("**/obj/**", ScanOptions.Default.Exclude);
        Assert.False(ScanOptions.Default.Verify);
        Assert.False(ScanOptions.Default.AllowNetwork);
    }

    [Fact]
    public void Validate_SeveralProblems_ListsEach()
    {
        var problems = (ScanOptions.Default with { Threads = 0, VerifyTimeout = TimeSpan.Zero, ThreatModels = ["remote", "cloud"] }).Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Threads"));
        Assert.Contains(problems, p => p.Contains("timeout"));
        Assert.Contains(problems, p => p.Contains("'cloud'"));
    }
}
