using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// A type's limit stored in a variable, and a random number drawn over most of its type's range,
/// flow like input into the numeric sinks that can overflow, allocate, loop or index with them;
/// a check against the limit, a small random range or a literal counter start is not reported.
/// </summary>
public sealed class ExtremeValueOriginTests
{
    private static string Program(string body, string members = "") =>
        "using System;\nusing System.Collections.Generic;\npublic static class Use\n{\n    public static void Run()\n    {\n" + body + "\n    }\n" + members + "}\n";

    [Fact]
    public void MaxValuePassedToMethod_AddedThere_IntegerOverflow_Diagnostic()
    {
        var source = Program(
            "        int data = int.MaxValue; // source\n        Sink(data);",
            "    private static void Sink(int data)\n    {\n        int result = data + 1; // sink\n        Console.WriteLine(result);\n    }\n");

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-overflow");
        Assert.Equal("constant", finding.SourceKind);
    }

    [Fact]
    public void LongMinValuePassedToMethod_SubtractedThere_IntegerUnderflow_Diagnostic()
    {
        var source = Program(
            "        long data = long.MinValue; // source\n        Sink(data);",
            "    private static void Sink(long data)\n    {\n        Console.WriteLine(data - 1); // sink\n    }\n");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-underflow");
    }

    [Fact]
    public void MaxValueStoredOnOneBranch_AddedAfterMerge_IntegerOverflow_Diagnostic()
    {
        var source = Program(
            "        int data;\n        if (Environment.TickCount > 5) { data = int.MaxValue; } // source\n        else { data = 0; }\n        Console.WriteLine(data + 1); // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-overflow");
    }

    [Fact]
    public void MaxValueComparedNotEqualBeforeAdding_NoDiagnostic()
    {
        var source = Program(
            "        int data = int.MaxValue;\n        Sink(data);",
            "    private static void Sink(int data)\n    {\n        if (data != int.MaxValue) { Console.WriteLine(data + 1); }\n    }\n");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-overflow");
    }

    [Fact]
    public void MaxValueSubtractedFrom_NoUnderflowDiagnostic()
    {
        var source = Program(
            "        int data = int.MaxValue;\n        Sink(data);",
            "    private static void Sink(int data)\n    {\n        Console.WriteLine(data - 1);\n    }\n");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-underflow");
    }

    [Fact]
    public void MaxValueAsLoopBound_Diagnostic()
    {
        var source = Program(
            "        int count = int.MaxValue; // source\n        for (var i = 0; i < count; i++) { Console.WriteLine(i); } // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/loop-bound");
    }

    [Fact]
    public void LiteralZeroCounter_DecrementedAfterLoop_NoDiagnostic()
    {
        var source = Program(
            "        uint count = 0;\n        foreach (var arg in Environment.GetLogicalDrives()) { count++; }\n        Console.WriteLine(count - 1);");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-underflow");
    }

    [Fact]
    public void NotFoundSentinel_UsedAsIndexWithoutCheck_TaintedIndex_Diagnostic()
    {
        var source = Program(
            "        int[] array = { 3, 4, 5 };\n        int found = -1; // source\n        for (var i = 0; i < array.Length; i++) { if (array[i] == Environment.TickCount) { found = i; } }\n        if (found < array.Length) { Console.WriteLine(array[found]); } // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-index");
    }

    [Fact]
    public void NotFoundSentinel_CheckedBeforeIndexing_NoDiagnostic()
    {
        var source = Program(
            "        int[] array = { 3, 4, 5 };\n        int found = -1;\n        for (var i = 0; i < array.Length; i++) { if (array[i] == Environment.TickCount) { found = i; } }\n        if (found != -1) { Console.WriteLine(array[found]); }\n        if (found >= 0) { Console.WriteLine(array[found]); }");

        FindingAssert.None(TaintRun.Library(source), "cs/tainted-index");
    }

    [Fact]
    public void NegativeValuePassedToMethod_IndexedThere_TaintedIndex_Diagnostic()
    {
        var source = Program(
            "        int data = -1; // source\n        if (data < 5) { Sink(data); }",
            "    private static void Sink(int data)\n    {\n        int[] array = { 0, 1, 2, 3, 4 };\n        Console.WriteLine(array[data]); // sink\n    }\n");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-index");
    }

    [Fact]
    public void InputCheckedOnBothSidesByCaller_IndexedInMethod_NoDiagnostic()
    {
        var source = Program(
            "        int data = int.Parse(Console.ReadLine()!);\n        if (data >= 0 && data < 5) { Sink(data); }",
            "    private static void Sink(int data)\n    {\n        int[] array = { 0, 1, 2, 3, 4 };\n        Console.WriteLine(array[data]);\n    }\n");

        FindingAssert.None(TaintRun.Library(source), "cs/tainted-index");
    }

    [Fact]
    public void RandomNext_UsedAsIndex_TaintedIndex_Diagnostic()
    {
        var source = Program(
            "        int data = new Random().Next(); // source\n        int[] array = { 0, 1, 2 };\n        Console.WriteLine(array[data]); // sink");

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-index");
        Assert.Equal("random", finding.SourceKind);
    }

    [Fact]
    public void RandomWithinLength_UsedAsIndex_NoDiagnostic()
    {
        var source = Program(
            "        int[] array = { 0, 1, 2 };\n        Console.WriteLine(array[new Random().Next(array.Length)]);\n        Console.WriteLine(array[new Random().Next(3)]);");

        FindingAssert.None(TaintRun.Library(source), "cs/tainted-index");
    }

    [Fact]
    public void RandomOverShortRange_Decremented_IntegerUnderflow_Diagnostic()
    {
        var source = Program(
            "        short data = (short)new Random().Next(short.MinValue, short.MaxValue); // source\n        short result = (short)(data - 1); // sink\n        Console.WriteLine(result);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-underflow");
    }

    [Fact]
    public void RandomOverShortRange_Doubled_IntegerOverflow_Diagnostic()
    {
        var source = Program(
            "        short data = (short)new Random().Next(short.MinValue, short.MaxValue); // source\n        Sink(data);",
            "    private static void Sink(short data)\n    {\n        short result = (short)(data * 2); // sink\n        Console.WriteLine(result);\n    }\n");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-overflow");
    }

    [Fact]
    public void RandomBelowShortMaximum_PlusOne_NoOverflowDiagnostic()
    {
        var source = Program(
            "        short data = (short)new Random().Next(short.MinValue, short.MaxValue);\n        Console.WriteLine((short)(data + 1));\n        Sink(data);",
            "    private static void Sink(short data)\n    {\n        data++;\n        Console.WriteLine((short)(data + 0));\n    }\n");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-overflow");
    }

    [Fact]
    public void RandomComposedOverUIntRange_Decremented_IntegerUnderflow_Diagnostic()
    {
        var source = Program(
            "        uint data = (uint)(new Random().Next(1 << 30)) << 2 | (uint)(new Random().Next(1 << 2)); // source\n        uint result = (uint)(data - 1); // sink\n        Console.WriteLine(result);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-underflow");
    }

    [Fact]
    public void RandomNext_Decremented_NoUnderflowDiagnostic()
    {
        var source = Program(
            "        int data = new Random().Next();\n        Console.WriteLine(data - 1);");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-underflow");
    }

    [Fact]
    public void RandomNext_NotAnInjectionSource_NoDiagnostic()
    {
        var source = Program(
            "        var data = new Random().Next();\n        System.Diagnostics.Process.Start(\"tool\", data.ToString());");

        Assert.Empty(TaintRun.Library(source).Where(f => f.RuleId != "cs/integer-overflow"));
    }
}
