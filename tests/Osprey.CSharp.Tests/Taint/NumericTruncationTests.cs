using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>Narrowing casts of input, of wide random numbers and of known out-of-range values; bounded, masked, checked and widening conversions are not reported.</summary>
public sealed class NumericTruncationTests
{
    private static string Program(string body) => "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n" + body + "\n    }\n}\n";

    [Fact]
    public void ReadLine_NarrowedToByte_Diagnostic()
    {
        var source = Program("        int data = int.Parse(Console.ReadLine()!); // source\n        Console.WriteLine((byte)data); // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/numeric-truncation");
    }

    [Fact]
    public void ReadLine_CheckedOnlyFromAbove_NarrowedToByte_Diagnostic()
    {
        var source = Program("        int data = int.Parse(Console.ReadLine()!); // source\n        if (data <= byte.MaxValue) { Console.WriteLine((byte)data); } // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/numeric-truncation");
    }

    [Fact]
    public void ReadLine_CheckedOnBothSidesMaskedCheckedOrWidened_NoDiagnostic()
    {
        var source = Program(
            "        int data = int.Parse(Console.ReadLine()!);\n" +
            "        if (data >= 0 && data <= byte.MaxValue) { Console.WriteLine((byte)data); }\n" +
            "        Console.WriteLine((byte)(data & 0xFF));\n" +
            "        Console.WriteLine((byte)(data >> 24));\n" +
            "        Console.WriteLine(checked((short)data));\n" +
            "        Console.WriteLine((long)data);\n" +
            "        Console.WriteLine((double)data);");

        FindingAssert.None(TaintRun.Library(source), "cs/numeric-truncation");
    }

    [Fact]
    public void DoubleParsed_NarrowedToFloat_Diagnostic()
    {
        var source = Program("        double data = double.Parse(Console.ReadLine()!); // source\n        Console.WriteLine((float)data); // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/numeric-truncation");
    }

    [Fact]
    public void WideRandomDouble_NarrowedToShort_Diagnostic()
    {
        var source = Program("        float data = (float)(float.MaxValue * 2.0 * (new Random().NextDouble() - 0.5)); // source\n        Console.WriteLine((short)data); // sink");

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/numeric-truncation");
        Assert.Equal("random", finding.SourceKind);
    }

    [Fact]
    public void SmallRandom_NarrowedToByte_NoDiagnostic()
    {
        var source = Program("        int data = new Random().Next(100);\n        Console.WriteLine((byte)data);\n        double fraction = new Random().NextDouble() * 100;\n        Console.WriteLine((byte)fraction);");

        FindingAssert.None(TaintRun.Library(source), "cs/numeric-truncation");
    }

    [Fact]
    public void KnownValueTooLarge_NarrowedToByte_Diagnostic()
    {
        var source = Program("        short data = byte.MaxValue + 5; // source\n        Console.WriteLine((byte)data); // sink");

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/numeric-truncation");
        Assert.Equal("constant", finding.SourceKind);
    }

    [Fact]
    public void LargeValuePassedToMethod_NarrowedThere_Diagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        double data = float.MaxValue + 5.0; // source\n        Sink(data);\n    }\n\n    private static void Sink(double data) => Console.WriteLine((int)data); // sink\n}\n";

        FindingAssert.Single(TaintRun.Library(source), source, "cs/numeric-truncation");
    }

    [Fact]
    public void LargeValueThatFitsTheCast_PassedToMethod_NoDiagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = 1000;\n        Sink(data);\n        Console.WriteLine((byte)(data * 2 - 1999));\n    }\n\n    private static void Sink(int data) => Console.WriteLine((short)data);\n}\n";

        FindingAssert.None(TaintRun.Library(source), "cs/numeric-truncation");
    }

    [Fact]
    public void KnownValueThatFits_NarrowedToByte_NoDiagnostic()
    {
        var source = Program("        int data = 200;\n        Console.WriteLine((byte)data);");

        FindingAssert.None(TaintRun.Library(source), "cs/numeric-truncation");
    }
}
