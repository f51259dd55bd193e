using Osprey.Bench.Tests.Support;
using Osprey.Bench.Throughput;

namespace Osprey.Bench.Tests.Throughput;

public class ThroughputTests
{
    [Fact]
    public void Load_FolderWithTwoProjects_GroupsFilesByNearestProjectAndSkipsObj()
    {
        using var temp = new TempFolder();
        temp.Write("A/A.csproj", "<Project />");
        temp.Write("A/One.cs", "class One { }\n");
        temp.Write("A/Sub/Two.cs", "class Two { }\n");
        temp.Write("A/obj/Gen.cs", "class Gen { }\n");
        temp.Write("B/B.csproj", "<Project />");
        temp.Write("B/Three.cs", "class Three\n{\n}\n");

        var input = ThroughputInput.Load(temp.Path);

        Assert.Equal(3, input.FileCount);
        Assert.Equal([2, 1], input.Projects.Select(p => p.Length));
        Assert.Equal(5, input.Lines);
    }

    [Fact]
    public void RoslynBaseline_SmallProgram_BindsAndReportsItsErrors()
    {
        using var temp = new TempFolder();
        temp.Write("P.cs", "class P { static int M() => \"not an int\"; }\n");

        var diagnostics = RoslynBaseline.Run(ThroughputInput.Load(temp.Path), CancellationToken.None);

        Assert.Equal(1, diagnostics); // CS0029, found only by binding the method body
    }

    [Fact]
    public void Summarise_ThreeRuns_TakesMedianPeakAndLinesPerSecond()
    {
        var mode = new ModeResult
        {
            Samples = [new("roslyn", 3, 100, 0, null), new("roslyn", 1, 300, 0, null), new("roslyn", 2, 200, 0, null)],
        };

        ThroughputBenchmark.Summarise(mode, 1000);

        Assert.Equal((2.0, 300L, 500.0), (mode.MedianSeconds, mode.PeakWorkingSetBytes, mode.LinesPerSecond));
    }

    [Fact]
    public void Load_MissingPath_FailsClearly() =>
        Assert.Contains("does not exist", Assert.Throws<Osprey.Bench.Cli.BenchUsageException>(() => ThroughputInput.Load("/no/such/place")).Message);
}
