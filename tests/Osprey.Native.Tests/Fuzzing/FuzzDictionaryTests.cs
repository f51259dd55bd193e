using System.Text;
using Osprey.Native.Fuzzing;
using Osprey.Native.Recon;

namespace Osprey.Native.Tests.Fuzzing;

public sealed class FuzzDictionaryTests
{
    private static NativeLiteral Text(string spelling) => new(NativeLiteralKind.String, spelling, 0, "f", "a.c", 1);

    private static NativeLiteral Number(long value) => new(NativeLiteralKind.Integer, value.ToString(System.Globalization.CultureInfo.InvariantCulture), value, "f", "a.c", 1);

    [Fact]
    public void Extract_StringAndComparisonConstants_BecomeEntries()
    {
        var entries = FuzzDictionary.Extract([Text("\"BODY\""), Number(0xCAFEBABE), Number(7)]);

        Assert.Contains(entries, e => Encoding.ASCII.GetString(e) == "BODY");
        Assert.Contains(entries, e => e.SequenceEqual(new byte[] { 0xBE, 0xBA, 0xFE, 0xCA }));
        Assert.Contains(entries, e => e.SequenceEqual(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE }));
        Assert.Contains(entries, e => Encoding.ASCII.GetString(e) == "3405691582");
        Assert.DoesNotContain(entries, e => e.Length == 1);
    }

    [Fact]
    public void Extract_FormatStringsAndDuplicates_AreLeftOut()
    {
        var entries = FuzzDictionary.Extract([Text("\"%d\""), Text("\"GET \""), Text("\"GET \"")]);

        Assert.Equal(["GET "], entries.Select(e => Encoding.ASCII.GetString(e)));
    }

    [Fact]
    public void Extract_TheMostNegativeLong_IsAnEntryNotAnOverflow()
    {
        var entries = FuzzDictionary.Extract([Number(long.MinValue)]);

        Assert.Contains(entries, e => Encoding.ASCII.GetString(e) == "-9223372036854775808");
    }

    [Fact]
    public void Extract_LogMessages_AreLeftOutButRequestLinesStay()
    {
        var entries = FuzzDictionary.Extract([Text("\"client sent invalid header line: %V\""), Text("\"no host in upstream\""), Text("\"GET / HTTP/1.0\""), Text("\"From\"")]);

        Assert.Equal(["GET / HTTP/1.0", "From"], entries.Select(e => Encoding.ASCII.GetString(e)));
    }

    [Fact]
    public void Unescape_CEscapes_DecodeToBytes()
    {
        Assert.Equal(new byte[] { 0x41, 0x41, 0x0A, 0x00, 0x7F, (byte)'"' }, FuzzDictionary.Unescape("\"\\x41\\101\\n\\0\\177\\\"\""));
        Assert.Equal("wide"u8.ToArray(), FuzzDictionary.Unescape("L\"wide\""));
    }

    [Fact]
    public void Render_NonPrintableAndQuotes_AreEscapedForLibFuzzer()
    {
        var text = FuzzDictionary.Render([[0x89, (byte)'P', (byte)'"', (byte)'\\']]);

        Assert.Equal("osprey_0=\"\\x89P\\x22\\x5C\"\n", text);
    }
}
