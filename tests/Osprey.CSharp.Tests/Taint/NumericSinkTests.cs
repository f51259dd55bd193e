using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>Tainted numbers in arithmetic, indices, array sizes and loop bounds, with and without range checks.</summary>
public sealed class NumericSinkTests
{
    private static string Program(string body) => "using System;\npublic static class Use\n{\n    public static void Run(int[] items)\n    {\n        int data = int.Parse(Console.ReadLine()!); // source\n" + body + "\n    }\n}\n";

    [Fact]
    public void ReadLine_AddedWithoutUpperBound_Diagnostic()
    {
        var source = Program("        int result = data + 1; // sink\n        Console.WriteLine(result);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-overflow");
    }

    [Fact]
    public void ReadLine_AddedBelowMaxValue_NoDiagnostic()
    {
        var source = Program("        if (data < int.MaxValue) { Console.WriteLine(data + 1); }");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-overflow");
    }

    [Fact]
    public void ReadLine_AtLeastOneByMathMax_SubtractedOne_NoUnderflowDiagnostic()
    {
        var source = Program("        int page = Math.Max(1, data);\n        Console.WriteLine((page - 1) * 20);");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-underflow");
    }

    [Fact]
    public void ReadLine_AtLeastOneByMathMax_Multiplied_OverflowDiagnostic()
    {
        var source = Program("        int page = Math.Max(1, data);\n        Console.WriteLine(page * 20); // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-overflow");
    }

    [Fact]
    public void ReadLine_DecrementedWithoutLowerBound_Diagnostic()
    {
        var source = Program("        data--; // sink\n        Console.WriteLine(data);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-underflow");
    }

    [Fact]
    public void ReadLine_IndexCheckedOnlyAgainstLength_Diagnostic()
    {
        var source = Program("        if (data < items.Length) { Console.WriteLine(items[data]); } // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-index");
    }

    [Fact]
    public void ReadLine_IndexCheckedOnBothSides_NoDiagnostic()
    {
        var source = Program("        if (data >= 0 && data < items.Length) { items[data] = 1; }");

        FindingAssert.None(TaintRun.Library(source), "cs/tainted-index");
    }

    [Fact]
    public void ReadLine_LoopBound_Diagnostic()
    {
        var source = Program("        for (var i = 0; i < data; i++) { Console.WriteLine(i); } // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/loop-bound");
    }

    [Fact]
    public void ReadLine_LoopBoundCheckedAgainstLimit_NoDiagnostic()
    {
        var source = Program("        if (data > 0 && data <= 100) { for (var i = 0; i < data; i++) { Console.WriteLine(i); } }");

        FindingAssert.None(TaintRun.Library(source), "cs/loop-bound");
    }

    [Fact]
    public void ReadLine_ArraySize_Diagnostic()
    {
        var source = Program("        var buffer = new byte[data]; // sink\n        Console.WriteLine(buffer.Length);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-size");
    }

    [Fact]
    public void ReadLine_SquaredWithinAbsoluteBound_NoDiagnostic()
    {
        var source = Program("        if (Math.Abs((long)data) <= (long)Math.Sqrt(int.MaxValue)) { Console.WriteLine(data * data); }");

        var findings = TaintRun.Library(source);

        FindingAssert.None(findings, "cs/integer-overflow");
        FindingAssert.None(findings, "cs/integer-underflow");
    }
}
