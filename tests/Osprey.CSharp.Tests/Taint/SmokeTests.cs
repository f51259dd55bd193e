using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

public sealed class SmokeTests
{
    [Fact]
    public void ReadLine_Direct_ProcessStart_Diagnostic()
    {
        const string source = """
            using System;
            using System.Diagnostics;
            public static class App
            {
                public static void Run()
                {
                    var input = Console.ReadLine(); // source
                    Process.Start("/bin/ls " + input); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal("local", finding.SourceKind);
        Assert.Contains(78, finding.Cwes);
        Assert.Equal("App.Run()", finding.Location.Member);
    }
}
