using Osprey.Bench.Cli;
using Osprey.Bench.Commands;

namespace Osprey.Bench.Tests.Cli;

public class BenchArgumentsTests
{
    private static readonly IReadOnlySet<string> Flags = new HashSet<string> { "verify" };

    [Fact]
    public void Parse_OptionsFlagsAndLists_AreReadBack()
    {
        var args = BenchArguments.Parse(["juliet-cs", "--path", "/j", "--verify", "--cwe=78,CWE-89", "--tools", "scs"], Flags);

        Assert.Equal("juliet-cs", args.Command);
        Assert.Equal("/j", args.Required("path"));
        Assert.True(args.Flag("verify"));
        Assert.Equal([78, 89], JulietCommand.Cwes(args, "cwe"));
        Assert.Equal(["scs"], args.List("tools", []));
    }

    [Fact]
    public void Parse_OptionWithoutValue_FailsNamingIt() =>
        Assert.Contains("--out", Assert.Throws<BenchUsageException>(() => BenchArguments.Parse(["flowblot", "--out"], Flags)).Message);

    [Fact]
    public void Required_Missing_NamesCommandAndOption() =>
        Assert.Equal("samples needs --path.", Assert.Throws<BenchUsageException>(() => BenchArguments.Parse(["samples"], Flags).Required("path")).Message);

    [Fact]
    public void Cwes_NotANumber_FailsClearly() =>
        Assert.Contains("'xss'", Assert.Throws<BenchUsageException>(() => JulietCommand.Cwes(BenchArguments.Parse(["juliet-cs", "--cwe", "78,xss"], Flags), "cwe")).Message);

    [Fact]
    public async Task RunAsync_UnknownOption_IsRejected()
    {
        var error = await Assert.ThrowsAsync<BenchUsageException>(() =>
            BenchCommands.RunAsync(["samples", "--path", ".", "--bogus", "1"], TextWriter.Null, TextWriter.Null, TimeProvider.System, CancellationToken.None));
        Assert.Contains("--bogus", error.Message);
    }

    [Fact]
    public async Task RunAsync_ThroughputLocal_IsAFlagNotAnOptionWithAValue()
    {
        // Reaches the check of --repeat only if --local took no value.
        var error = await Assert.ThrowsAsync<BenchUsageException>(() =>
            BenchCommands.RunAsync(["throughput", "--local", "--path", ".", "--repeat", "0"], TextWriter.Null, TextWriter.Null, TimeProvider.System, CancellationToken.None));
        Assert.Equal("--repeat must be at least 1.", error.Message);
    }

    [Fact]
    public void EnsureOutside_WorkFolderInsideCheckout_Throws()
    {
        Assert.Throws<BenchUsageException>(() => WorkFolder.EnsureOutside("/work/juliet/obj/x", "/work/juliet"));
        WorkFolder.EnsureOutside("/tmp/osprey-bench", "/work/juliet");
    }
}
