using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// May-alias through allocation sites: a field written through one variable is seen through every
/// variable, and every field nested in a variable, that may hold the same object, and variables
/// assigned together on one branch stay correlated after the join.
/// </summary>
public sealed class PointsToTests
{
    private const string Usings = "using System; using System.Diagnostics;\n";

    private const string Types = """
        public sealed class Inner { public string Text = ""; }
        public sealed class Outer { public Inner? Attr; }
        """;

    [Fact]
    public void ReadLine_FieldWrittenAfterObjectStoredInAnother_ReadThroughTheOther_Diagnostic()
    {
        const string source = Usings + Types + """
            public static class Flow
            {
                public static void Run()
                {
                    var outer = new Outer();
                    var inner = new Inner();
                    outer.Attr = inner;
                    inner.Text = Console.ReadLine()!; // source
                    Process.Start(outer.Attr.Text); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_OtherObjectStoredInField_ReadThroughTheField_NoDiagnostic()
    {
        const string source = Usings + Types + """
            public static class Flow
            {
                public static void Run()
                {
                    var outer = new Outer();
                    var inner = new Inner();
                    var other = new Inner();
                    outer.Attr = other;
                    inner.Text = Console.ReadLine()!;
                    Process.Start(outer.Attr.Text);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_AliasesShuffledOnOneBranch_TaintedObjectStoredInReadObject_Diagnostic()
    {
        const string source = Usings + Types + """
            public static class Flow
            {
                public static void Run()
                {
                    var input = Console.ReadLine()!; // source
                    Outer a = new Outer(), p = new Outer(), x;
                    Inner b = new Inner(), q = new Inner(), y;
                    if (new Random().Next(0, 2) == 0) { x = a; y = q; }
                    else { x = p; y = b; }
                    x.Attr = y;
                    q.Text = input;
                    Process.Start(a.Attr!.Text); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_AliasesShuffledOnOneBranch_TaintedObjectStoredInOtherObject_NoDiagnostic()
    {
        const string source = Usings + Types + """
            public static class Flow
            {
                public static void Run()
                {
                    var input = Console.ReadLine()!;
                    Outer a = new Outer(), p = new Outer(), x;
                    Inner b = new Inner(), q = new Inner(), y;
                    if (new Random().Next(0, 2) == 0) { x = a; y = b; }
                    else { x = p; y = q; }
                    x.Attr = y;
                    q.Text = input;
                    Process.Start(a.Attr!.Text);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_AliasAssignedInLoop_FieldWrittenAfterLoop_Diagnostic()
    {
        const string source = Usings + Types + """
            public static class Flow
            {
                public static void Run(int n)
                {
                    var outer = new Outer();
                    var first = new Inner();
                    var current = new Inner();
                    for (var i = 0; i < n; i++)
                    {
                        outer.Attr = current;
                        current = first;
                    }
                    first.Text = Console.ReadLine()!; // source
                    Process.Start(outer.Attr!.Text); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }
}
