using Osprey.Bench.InProcess;
using Osprey.Core.Findings;

namespace Osprey.Bench.Tests.Scoring;

public class OspreyFindingTests
{
    [Fact]
    public void ToToolFinding_RelativePathsAndSinkStep_BecomeAbsoluteSinks()
    {
        var finding = new Finding
        {
            RuleId = "cs/command-injection",
            Cwes = [78],
            Title = "Command injection",
            Message = "m",
            Location = new SourceLocation { FilePath = "A/Caller.cs", StartLine = 10 },
            Trace =
            [
                new TraceStep { Location = new SourceLocation { FilePath = "A/Source.cs", StartLine = 3 }, Description = "read", Kind = TraceStepKind.Source },
                new TraceStep { Location = new SourceLocation { FilePath = "A/Sink.cs", StartLine = 7 }, Description = "exec", Kind = TraceStepKind.Sink },
            ],
            Verification = Verification.Confirmed(new Osprey.Core.Findings.Proof { EntryPoint = "Main", Payload = "; id", Observed = "uid=0" }, "v", TimeSpan.Zero),
        };

        var tool = OspreyScanner.ToToolFinding(finding, "/root");

        Assert.Equal([new("/root/A/Caller.cs", 10), new("/root/A/Sink.cs", 7)], tool.Sinks.ToArray());
        Assert.Equal(2, tool.Trace.Length);
        Assert.True(tool.Confirmed);
    }

    [Fact]
    public async Task ScanAsync_EngineThatThrows_ReportsTheFailureInsteadOfThrowing()
    {
        using var temp = new Support.TempFolder();
        temp.Write("P.cs", "class P { }\n");

        var run = await OspreyScanner.ScanAsync(temp.Path, verify: false, CancellationToken.None);

        // While the engine is being assembled it throws; once it lands, this scan has no findings and no errors.
        Assert.Empty(run.Findings);
        Assert.All(run.Errors, e => Assert.Contains("csharp", e));
    }
}
