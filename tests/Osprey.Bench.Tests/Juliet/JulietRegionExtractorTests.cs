using Osprey.Bench.Juliet;
using Osprey.Bench.Tests.Support;

namespace Osprey.Bench.Tests.Juliet;

public class JulietRegionExtractorTests
{
    [Fact]
    public void Extract_Variant01_SinkInBadIsBadAndSinkInGoodG2BIsGood()
    {
        var regions = JulietRegionExtractor.Extract(MiniJuliet.Variant01);

        Assert.Equal(RegionKind.Bad, regions.KindAt(11));
        Assert.Equal(RegionKind.Good, regions.KindAt(22));
    }

    [Fact]
    public void Extract_LineOutsideBothBlocks_HasNoKind()
    {
        var regions = JulietRegionExtractor.Extract(MiniJuliet.Variant01);

        Assert.Null(regions.KindAt(25)); // Main
        Assert.Null(regions.KindAt(3));  // namespace
    }

    [Fact]
    public void Extract_GoodMethodInsideFileWideOmitBad_IsGood()
    {
        var regions = JulietRegionExtractor.Extract(MiniJuliet.Variant22b);

        Assert.Equal(RegionKind.Bad, regions.KindAt(8));   // return req.QueryString["id"] in BadSource
        Assert.Equal(RegionKind.Good, regions.KindAt(12)); // return "safe" in GoodG2BSource
    }

    [Fact]
    public void Extract_Variant81BadClass_IsBadWithoutDirectives()
    {
        var regions = JulietRegionExtractor.Extract("""
            class CWE78_X__File_81_bad : CWE78_X__File_81_base
            {
                public override void Action(string data)
                {
                    System.Diagnostics.Process.Start(data);
                }
            }
            class CWE78_X__File_81_goodG2B : CWE78_X__File_81_base
            {
                public override void Action(string data)
                {
                    System.Diagnostics.Process.Start(data);
                }
            }
            """);

        Assert.Equal(RegionKind.Bad, regions.KindAt(5));
        Assert.Equal(RegionKind.Good, regions.KindAt(12));
    }
}
