using Microsoft.CodeAnalysis;
using Osprey.Bench.Juliet;

namespace Osprey.Bench.Tests.Juliet;

public class JulietDefectDetectorTests
{
    // Variant 75 of a sources-sinks template as Juliet 1.3 ships it: GoodG2B reads the bad
    // source, and GoodG2BSink is BadSink under another name.
    private const string Variant75a = """
        class CWE117_X__Environment_75a
        {
        #if (!OMITBAD)
            public override void Bad()
            {
                string data;
                /* POTENTIAL FLAW */
                data = System.Environment.GetEnvironmentVariable("ADD");
                CWE117_X__Environment_75b.BadSink(data);
            }
        #endif
        #if (!OMITGOOD)
            private static void GoodG2B()
            {
                string data;
                /* a comment the bad code does not have */
                data = System.Environment.GetEnvironmentVariable("ADD");
                CWE117_X__Environment_75b.GoodG2BSink(data);
            }
        #endif
        }
        """;

    private const string Variant75b = """
        class CWE117_X__Environment_75b
        {
            public static void BadSink(string data)
            {
                System.Console.WriteLine("value = " + data);
            }
            public static void GoodG2BSink(string data)
            {
                System.Console.WriteLine("value = " + data);
            }
        }
        """;

    private static Dictionary<string, SyntaxTree> Trees(params (string File, string Text)[] files) =>
        files.ToDictionary(f => f.File, f => JulietRegionExtractor.Parse(f.Text));

    [Fact]
    public void Find_G2BCopyOfBadAcrossFiles_MarksBothGoodMethods()
    {
        var defects = JulietDefectDetector.Find(Trees(("a.cs", Variant75a), ("b.cs", Variant75b)));

        Assert.Equal(new LineRegion(RegionKind.Good, 13, 19), Assert.Single(defects["a.cs"]));
        Assert.Equal(new LineRegion(RegionKind.Good, 7, 10), Assert.Single(defects["b.cs"]));
    }

    [Fact]
    public void Find_G2BWithHardCodedSource_IsNoDefect()
    {
        var fixedSource = Variant75a.Replace(
            "/* a comment the bad code does not have */\n        data = System.Environment.GetEnvironmentVariable(\"ADD\");",
            "data = \"foo\";",
            StringComparison.Ordinal);
        Assert.NotEqual(Variant75a, fixedSource);

        var defects = JulietDefectDetector.Find(Trees(("a.cs", fixedSource), ("b.cs", Variant75b)));

        Assert.Empty(defects);
    }

    [Fact]
    public void Find_CaseWithoutG2B_IsNoDefect()
    {
        var defects = JulietDefectDetector.Find(Trees(("b.cs", Variant75b.Replace("GoodG2BSink", "GoodB2GSink", StringComparison.Ordinal))));

        Assert.Empty(defects);
    }
}
