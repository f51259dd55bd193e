using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// A number known on the path (a stored limit, a random draw) stays that number only while it is
/// copied: through an assumed flow (code without a model or an implementation) it becomes some
/// other value, and no numeric sink is reported for it there. Input taint
/// goes on through the same steps.
/// </summary>
public sealed class ChangedValueTests
{
    private const string Store =
        "public sealed class Query { public Query() { Limit = int.MaxValue; } public int Limit; public static extern int Compute(int value); }\n"
        + "public interface IStore { List<string> Find(Query query); int Count(Query query); }\n";

    private static string Program(string body, string members = "") =>
        "using System;\nusing System.Collections.Generic;\nusing System.Text;\n" + Store
        + "public static class Use\n{\n    public static void Run(IStore store)\n    {\n" + body + "\n    }\n" + members + "}\n";

    // Count(x) reaches the unmodelled Query.Compute two calls down; Pass(x) only copies x two calls down.
    private const string ThroughUnmodelledCall =
        "    private static int Describe(int value) => Format(value);\n    private static int Format(int value) => Query.Compute(value);\n";

    private const string ThroughCopies =
        "    private static int Pass(int value) => Keep(value);\n    private static int Keep(int value) => value;\n";

    [Fact]
    public void LimitInQueryField_QueryPassedToUnimplementedInterface_ResultSizesArray_NoDiagnostic()
    {
        var source = Program(
            "        var query = new Query();\n        var buffer = new byte[store.Count(query)];\n        Console.WriteLine(buffer.Length);");

        FindingAssert.None(TaintRun.Library(source), "cs/tainted-size");
    }

    [Fact]
    public void InputInQueryField_QueryPassedToUnimplementedInterface_ResultSizesArray_Diagnostic()
    {
        var source = Program(
            "        var query = new Query { Limit = int.Parse(Console.ReadLine()!) }; // source\n        var buffer = new byte[store.Count(query)]; // sink\n        Console.WriteLine(buffer.Length);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-size");
    }

    [Fact]
    public void LimitPassedThroughMethodWithUnmodelledCall_ResultLoops_NoDiagnostic()
    {
        var source = Program(
            "        int limit = int.MaxValue;\n        var count = Describe(limit);\n        for (var i = 0; i < count; i++) { Console.Write(i); }",
            ThroughUnmodelledCall);

        FindingAssert.None(TaintRun.Library(source), "cs/loop-bound");
    }

    [Fact]
    public void InputPassedThroughMethodWithUnmodelledCall_ResultLoops_Diagnostic()
    {
        var source = Program(
            "        int limit = int.Parse(Console.ReadLine()!); // source\n        var count = Describe(limit);\n        for (var i = 0; i < count; i++) { Console.Write(i); } // sink",
            ThroughUnmodelledCall);

        FindingAssert.Single(TaintRun.Library(source), source, "cs/loop-bound");
    }

    [Fact]
    public void LimitPassedThroughMethods_CopiedOnly_LoopBound_Diagnostic()
    {
        var source = Program(
            "        int limit = int.MaxValue; // source\n        var count = Pass(limit);\n        for (var i = 0; i < count; i++) { Console.Write(i); } // sink",
            ThroughCopies);

        FindingAssert.Single(TaintRun.Library(source), source, "cs/loop-bound");
    }
}
