using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Tests;

public class ReportTextTests
{
    [Theory]
    [InlineData(0.4, "0 ms")]
    [InlineData(850, "850 ms")]
    [InlineData(12_340, "12.3 s")]
    [InlineData(245_000, "4 m 05 s")]
    public void Duration_Milliseconds_IsReadable(double milliseconds, string expected)
    {
        Assert.Equal(expected, ReportText.Duration(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void OneLine_ControlCharactersAndLineBreaks_AreNeutralised()
    {
        Assert.Equal("a b c\\x1B[2J\\x07 \\x9B", ReportText.OneLine("a\r\nb\tc\u001b[2J\u0007 \u009b"));
    }

    [Fact]
    public void Block_LineBreaks_AreKeptAsLineFeeds()
    {
        Assert.Equal("one\ntwo\nthree", ReportText.Block("one\r\ntwo\rthree"));
    }

    [Fact]
    public void OneLine_PlainText_IsReturnedAsIs()
    {
        const string text = "nothing to change here: ü, 中文, <>&";

        Assert.Same(text, ReportText.OneLine(text));
    }
}
