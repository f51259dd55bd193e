using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>An array sized by input may be empty: indexing it at a constant position needs a check that the size is at least 1.</summary>
public sealed class InputSizedArrayTests
{
    private static string Program(string body, string members = "") =>
        "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = int.Parse(Console.ReadLine()!); // source\n" + body + "\n    }\n" + members + "}\n";

    [Fact]
    public void SizeCheckedNotNegative_FirstElementWritten_Diagnostic()
    {
        var source = Program("        int[] array = null!;\n        if (data >= 0) { array = new int[data]; }\n        array[0] = 5; // sink\n        Console.WriteLine(array.Length);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/empty-array-index");
    }

    [Fact]
    public void SizeCheckedPositive_FirstElementWritten_NoDiagnostic()
    {
        var source = Program("        int[] array = null!;\n        if (data > 0) { array = new int[data]; }\n        else { return; }\n        array[0] = 5;\n        if (1 <= data) { var other = new int[data]; other[0] = 1; }");

        FindingAssert.None(TaintRun.Library(source), "cs/empty-array-index");
    }

    [Fact]
    public void SizePassedToMethod_ArrayIndexedThere_Diagnostic()
    {
        var source = Program(
            "        Fill(data);",
            "    private static void Fill(int size)\n    {\n        if (size < 0) { return; }\n        var array = new int[size];\n        array[0] = 5; // sink\n        Console.WriteLine(array.Length);\n    }\n");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/empty-array-index");
    }

    [Fact]
    public void BoundedSizeArray_PassedOn_NoSizeOrIndexDiagnostic()
    {
        var source = Program("        if (data < 0 || data > 100) { return; }\n        var array = new byte[data];\n        Console.WriteLine(new System.Collections.Generic.List<byte>(array).Count);\n        Console.WriteLine(string.Join(\",\", array));");

        var findings = TaintRun.Library(source);
        FindingAssert.None(findings, "cs/tainted-size");
        FindingAssert.None(findings, "cs/empty-array-index");
    }
}
