using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>A number checked against an upper bound is no longer an uncontrolled size.</summary>
public sealed class BoundGuardTests
{
    private const string Usings = "using System; using System.Threading;\n";

    [Fact]
    public void ReadLine_SleepWithinCheckedRange_NoDiagnostic()
    {
        const string source = Usings + """
            public static class Use
            {
                public static void Run()
                {
                    int count = int.Parse(Console.ReadLine()!);
                    if (count > 0 && count <= 2000)
                    {
                        Thread.Sleep(count);
                    }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/tainted-size");
    }

    [Fact]
    public void ReadLine_SleepCheckedOnlyFromBelow_Diagnostic()
    {
        const string source = Usings + """
            public static class Use
            {
                public static void Run()
                {
                    int count = int.Parse(Console.ReadLine()!); // source
                    if (count > 0)
                    {
                        Thread.Sleep(count); // sink
                    }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-size");
    }

    [Fact]
    public void ReadLine_SleepOnTheOutOfRangeBranch_Diagnostic()
    {
        const string source = Usings + """
            public static class Use
            {
                public static void Run()
                {
                    int count = int.Parse(Console.ReadLine()!); // source
                    if (count <= 2000)
                    {
                        return;
                    }

                    Thread.Sleep(count); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-size");
    }
}
