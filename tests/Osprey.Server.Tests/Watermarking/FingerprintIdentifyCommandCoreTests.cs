using Osprey.Server.Watermarking;

namespace Osprey.Server.Tests.Watermarking;

public sealed class FingerprintIdentifyCommandCoreTests
{
    private static string B64(int seed) => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(seed)));

    [Fact]
    public void TryParseKeyList_CommentsAndBlankLines_Skipped()
    {
        Assert.True(FingerprintIdentifyCommandCore.TryParseKeyList($"# keys\n\norg-a {B64(1)}\norg-b\t{B64(2)}\n", out var keys, out var errors));

        Assert.Equal(["org-a", "org-b"], keys.Select(k => k.OrgId));
        Assert.Empty(errors);
    }

    [Fact]
    public void TryParseKeyList_BadLines_EachNamedWithItsNumber()
    {
        var ok = FingerprintIdentifyCommandCore.TryParseKeyList($"org-a {B64(1)}\norg-b not*base64\norg-c\norg-d AAAA\norg-a {B64(3)}", out _, out var errors);

        Assert.False(ok);
        Assert.Equal(
            ["line 2: the secret of 'org-b' is not base64", "line 3: expected 'org-id base64-secret', found 1 fields", "line 4: the secret of 'org-d' is 3 bytes; at least 16 are needed", "line 5: organisation 'org-a' appears twice"],
            errors);
    }

    [Fact]
    public void TryParseKeyList_Empty_IsAnError()
    {
        Assert.False(FingerprintIdentifyCommandCore.TryParseKeyList("# nothing\n", out _, out var errors));
        Assert.Equal(["the key list has no keys"], errors);
    }

    [Fact]
    public void Run_LeakedReport_NamesOrganisationWithExitZero()
    {
        FingerprintIdentifyCommandCore.TryParseKeyList($"org-a {B64(1)}\norg-b {B64(2)}\norg-c {B64(3)}", out var keys, out _);
        var corpus = new ExplanationCorpus(5);
        var leaked = corpus.Edit(new OutputWatermarker().Embed(keys[1], corpus.Report(4, 8)), 0.05, 0.05);

        var (exit, match, lines) = FingerprintIdentifyCommandCore.Run(leaked, keys);

        Assert.Equal((FingerprintIdentifyCommandCore.ExitAttributed, "org-b"), (exit, match.OrgId));
        Assert.Equal("organisation: org-b", lines[0]);
        Assert.StartsWith("evidence: ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnrelatedText_ExitOne()
    {
        FingerprintIdentifyCommandCore.TryParseKeyList($"org-a {B64(1)}\norg-b {B64(2)}", out var keys, out _);

        var (exit, _, lines) = FingerprintIdentifyCommandCore.Run(new ExplanationCorpus(6).Report(4, 8), keys);

        Assert.Equal(FingerprintIdentifyCommandCore.ExitNotAttributed, exit);
        Assert.Equal("organisation: not identified", lines[0]);
    }
}
