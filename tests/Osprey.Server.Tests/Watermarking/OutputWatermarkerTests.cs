using Osprey.Server.Watermarking;

namespace Osprey.Server.Tests.Watermarking;

public sealed class OutputWatermarkerTests
{
    private static readonly OutputWatermarker Watermarker = new();

    private static OrgFingerprintKey Key(string org) => new(org, System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("test-secret:" + org)));

    private const string Sentence = "The id parameter is untrusted because it reaches SqlCommand.ExecuteReader, which means that an attacker can modify the query.";

    [Fact]
    public void Embed_TwoOrganisations_SameMeaningDifferentPhrasing()
    {
        var texts = Enumerable.Range(0, 8).Select(i => WatermarkText.StripInvisible(Watermarker.Embed(Key($"org-{i}"), Sentence))).Distinct().ToList();

        Assert.True(texts.Count > 1);
        Assert.All(texts, t => Assert.Contains("SqlCommand.ExecuteReader", t, StringComparison.Ordinal));
    }

    [Fact]
    public void Embed_SameKeyTwice_IsStable()
    {
        var once = Watermarker.Embed(Key("a"), Sentence);

        Assert.Equal(once, Watermarker.Embed(Key("a"), once));
    }

    [Fact]
    public void Embed_CapitalisedSlot_StaysCapitalised()
    {
        var text = WatermarkText.StripInvisible(Watermarker.Embed(Key("b"), "Similarly, the other call is vulnerable."));

        Assert.True(text.StartsWith("Similarly", StringComparison.Ordinal) || text.StartsWith("Likewise", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Embed_ParagraphStart_CarriesZeroWidthTag()
    {
        var text = Watermarker.Embed(Key("c"), "First paragraph here.\n\nSecond paragraph here.");

        Assert.Equal(2, text.Count(ch => ch == '\u2060'));
    }

    [Fact]
    public void Identify_ZeroWidthTagOnly_NamesTheOrganisation()
    {
        var marked = Watermarker.Embed(Key("d"), "A short note.");

        var match = Watermarker.Identify(marked, [Key("a"), Key("d"), Key("e")]);

        Assert.Equal(("d", true, 1), (match.OrgId, match.Confident, match.ZeroWidthTags));
    }

    [Fact]
    public void Identify_ShortTextWithoutTag_DoesNotAttribute()
    {
        var marked = new ExplanationCorpus(1).Edit(Watermarker.Embed(Key("d"), Sentence), 0, 0);

        var match = Watermarker.Identify(marked, [Key("a"), Key("d")]);

        Assert.False(match.Confident);
        Assert.Contains("too little text", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_RepeatedSentence_CountsOneVotePerSlot()
    {
        // A hundred copies of one marked sentence carry no more evidence than one.
        var marked = string.Join(' ', Enumerable.Repeat(WatermarkText.StripInvisible(Watermarker.Embed(Key("d"), Sentence)), 100));

        var match = Watermarker.Identify(marked, [Key("a"), Key("d")]);

        Assert.Equal(WatermarkText.Slots(WatermarkText.StripInvisible(Watermarker.Embed(Key("d"), Sentence))).Count, match.Slots);
        Assert.False(match.Confident);
    }

    [Fact]
    public void Identify_NoCandidates_SaysSo()
    {
        Assert.Null(Watermarker.Identify(Sentence, []).OrgId);
    }

    [Fact]
    public void Constructor_ShortSecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OrgFingerprintKey("x", new byte[8]));
    }
}
