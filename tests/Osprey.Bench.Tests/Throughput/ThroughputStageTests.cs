using System.Collections.Immutable;
using Osprey.Bench.Tests.Support;
using Osprey.Bench.Throughput;
using Osprey.Core.Pipeline;

namespace Osprey.Bench.Tests.Throughput;

public class ThroughputStageTests
{
    [Theory]
    [InlineData(ScanPhase.Recon, "listing files", "files")]
    [InlineData(ScanPhase.Recon, "loaded 3 C# project(s), 40 file(s)", "load")]
    [InlineData(ScanPhase.Discover, "started", "discover-start")]
    [InlineData(ScanPhase.Discover, "analysed 1/3 C# project(s)", "analysed")]
    [InlineData(ScanPhase.Discover, "finished", "discover-end")]
    [InlineData(ScanPhase.Triage, null, "triage")]
    public void KeyOf_PipelineMessage_NamesItsStage(ScanPhase phase, string? message, string key) =>
        Assert.Equal(key, StageClock.KeyOf(new ScanProgress { Phase = phase, Message = message }));

    [Fact]
    public void Mark_SameKeyTwice_KeepsFirstAndLast()
    {
        var clock = new StageClock();
        clock.Mark("load");
        Thread.Sleep(20);
        clock.Mark("load");

        Assert.True(clock.Last("load") > clock.First("load"));
        Assert.Null(clock.First("triage"));
    }

    [Fact]
    public void LoaderBaseline_ProjectWithAnUnrestoredPackage_BindsAndCountsTheUnresolvedReference()
    {
        using var temp = new TempFolder();
        temp.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="No.Such.Package.For.Osprey" Version="1.0.0" /></ItemGroup>
            </Project>
            """);
        temp.Write("App/P.cs", "using No.Such; class P { static int M() => \"not an int\"; }\n");

        var result = LoaderBaseline.Run(temp.Path, CancellationToken.None);

        Assert.Equal(1, result.Statistics["csharp.unresolved-references"]);
        Assert.Contains(result.Unresolved, u => u.Contains("No.Such.Package.For.Osprey", StringComparison.Ordinal));
        Assert.True(result.Diagnostics >= 2); // CS0246 for the using, CS0029 from binding the body
        Assert.Equal(["1 load projects (parse, references)", "2 bind every body"], result.Stages.Keys);
    }

    [Fact]
    public void Render_SamplesWithStages_ShowsRatioStagesAndLoaderCounts()
    {
        var stages = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("2 load projects", 1.5), KeyValuePair.Create("4 analysis (wall)", 2.4)]);
        var statistics = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("csharp.projects", 2L), KeyValuePair.Create("csharp.unresolved-references", 3L)]);
        var result = new ThroughputResult { Path = "/x", StartedAt = DateTimeOffset.UnixEpoch, Files = 4, Projects = 2, Lines = 400 };
        result.Roslyn.Samples.Add(new ThroughputSample("roslyn", 2, 100 << 20, 0, null, 2));
        result.Osprey.Samples.Add(new ThroughputSample("osprey", 4, 200 << 20, 1, null, 5, stages, statistics, ["App: 3 unresolved reference(s)"]));
        ThroughputBenchmark.Summarise(result.Roslyn, 400);
        ThroughputBenchmark.Summarise(result.Osprey, 400);
        result.Ratio = 2;

        var text = ThroughputReport.Render(result);

        Assert.Contains("Ratio b/a: 2.00 wall, 2.50 CPU", text);
        Assert.Contains("| 4 analysis (wall) | 2.40 | 60% |", text);
        Assert.Contains("Loader: 2 project(s), 0 file(s), 3 unresolved reference(s)", text);
        Assert.Contains("- App: 3 unresolved reference(s)", text);
    }

    [Fact]
    public void Render_SamplesWithRuntimeCost_ShowsGcJitAndAllocationPerMode()
    {
        var result = new ThroughputResult { Path = "/x", StartedAt = DateTimeOffset.UnixEpoch, Files = 1, Projects = 1, Lines = 10 };
        result.Roslyn.Samples.Add(new ThroughputSample("roslyn", 2, 1, 0, null, 2, Runtime: new RuntimeCost(0.25, 1.5, 300, 1)));
        result.Osprey.Samples.Add(new ThroughputSample("osprey", 4, 1, 0, null, 5, Runtime: new RuntimeCost(1.75, 3, 2048, 4)));
        ThroughputBenchmark.Summarise(result.Roslyn, 10);
        ThroughputBenchmark.Summarise(result.Osprey, 10);

        var text = ThroughputReport.Render(result);

        Assert.Contains("| (a) baseline | 0.25 | 1.50 | 300 | 1 |", text);
        Assert.Contains("| (b) Osprey scan | 1.75 | 3.00 | 2048 | 4 |", text);
    }

    [Fact]
    public void RuntimeCost_Since_SubtractsTheEarlierCounters()
    {
        var cost = new RuntimeCost(3, 5, 900, 7).Since(new RuntimeCost(1, 2, 100, 3));

        Assert.Equal(new RuntimeCost(2, 3, 800, 4), cost);
    }
}
