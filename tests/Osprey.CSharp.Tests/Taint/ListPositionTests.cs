using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>A local list filled only by <c>Add</c> statements is read by position; any other list keeps one merged element.</summary>
public sealed class ListPositionTests
{
    private const string Usings = "using System; using System.Collections.Generic; using System.Diagnostics;\n";

    [Fact]
    public void ReadLine_AddedAtIndexOne_ReadAtIndexZero_NoDiagnostic()
    {
        const string source = Usings + """
            public static class Lists
            {
                public static void Run()
                {
                    var items = new List<string>();
                    items.Add("ls");
                    items.Add(Console.ReadLine()!);
                    items.Add("");
                    if (items != null && items.Count > 0) { Process.Start(items[0]); }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_AddedAtIndexOne_ReadAtIndexOne_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Lists
            {
                public static void Run()
                {
                    var items = new List<string>();
                    items.Add("ls");
                    items.Add(Console.ReadLine()!); // source
                    Process.Start(items[1]); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_ListReorderedBeforeRead_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Lists
            {
                public static void Run()
                {
                    var items = new List<string>();
                    items.Add("ls");
                    items.Add(Console.ReadLine()!); // source
                    items.Reverse();
                    Process.Start(items[0]); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_AddedConditionally_ReadAtIndexZero_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Lists
            {
                public static void Run(bool first)
                {
                    var items = new List<string>();
                    if (first) { items.Add(Console.ReadLine()!); } // source
                    items.Add("ls");
                    Process.Start(items[0]); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_ListHandedToAnotherMethod_ReadAtIndexZero_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Lists
            {
                public static void Run()
                {
                    var items = new List<string>();
                    items.Add("ls");
                    Fill(items);
                    Process.Start(items[0]); // sink
                }
                private static void Fill(List<string> items) { items.Insert(0, Console.ReadLine()!); } // source
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }
}
