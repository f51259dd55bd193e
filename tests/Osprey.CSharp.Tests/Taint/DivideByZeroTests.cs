using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>Divisors from input, random draws and known zeros, with and without checks against zero.</summary>
public sealed class DivideByZeroTests
{
    private const string Rule = "cs/divide-by-zero";

    private static string IntProgram(string body) => "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = int.Parse(Console.ReadLine()!); // source\n" + body + "\n    }\n}\n";

    private static string FloatProgram(string body) => "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        float data = float.Parse(Console.ReadLine()!); // source\n" + body + "\n    }\n}\n";

    [Fact]
    public void ReadLine_IntDivisor_Diagnostic()
    {
        var source = IntProgram("        Console.WriteLine(100 / data); // sink");

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void ReadLine_IntModulus_Diagnostic()
    {
        var source = IntProgram("        Console.WriteLine(100 % data); // sink");

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void ReadLine_FloatDivisorCastToInt_Diagnostic()
    {
        var source = FloatProgram("        int result = (int)(100.0 / data); // sink\n        Console.WriteLine(result);");

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void ReadLine_CompoundDivideAssignment_Diagnostic()
    {
        var source = IntProgram("        int total = 100;\n        total /= data; // sink\n        Console.WriteLine(total);");

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void ReadLine_AsDividend_NoDiagnostic()
    {
        var source = IntProgram("        Console.WriteLine(data / 4);");

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void ConstantNonZeroDivisor_NoDiagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = 2;\n        Console.WriteLine(100 / data);\n        float ratio = 2.0f;\n        Console.WriteLine((int)(100.0 / ratio));\n    }\n}\n";

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void ReadLine_CheckedNotEqualToZero_NoDiagnostic()
    {
        var source = IntProgram("        if (data != 0) { Console.WriteLine(100 % data); }");

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void ReadLine_EqualToZeroReturnsEarly_NoDiagnostic()
    {
        var source = IntProgram("        if (data == 0) { return; }\n        Console.WriteLine(100 / data);");

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void ReadLine_CheckedPositiveWithZeroOnTheLeft_NoDiagnostic()
    {
        var source = IntProgram("        if (0 < data) { Console.WriteLine(100 / data); }");

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void ReadLine_CheckedAtLeastZero_Diagnostic()
    {
        var source = IntProgram("        if (data >= 0) { Console.WriteLine(100 / data); } // sink");

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void ReadLine_FloatCheckedByAbsAboveEpsilon_NoDiagnostic()
    {
        var source = FloatProgram("        if (Math.Abs(data) > 0.000001) { Console.WriteLine((int)(100.0 / data)); }");

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void ReadLine_FloatCheckedByAbsBelowEpsilon_Diagnostic()
    {
        var source = FloatProgram("        if (Math.Abs(data) < 0.000001) { Console.WriteLine((int)(100.0 / data)); } // sink");

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void RandomNext_Divisor_Diagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = new Random().Next(); // source\n        Console.WriteLine(100 / data); // sink\n    }\n}\n";

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void RandomNextFromOne_Divisor_NoDiagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = new Random().Next(1, 10);\n        Console.WriteLine(100 / data);\n    }\n}\n";

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void RandomNextOfSmallRange_AddedAndIndexed_NoOtherDiagnostic()
    {
        // A small draw is a divisor source only (it can be 0); the numeric sinks leave it alone.
        var source = "using System;\npublic static class Use\n{\n    public static void Run(int[] items)\n    {\n        int data = new Random().Next(10);\n        Console.WriteLine(items[data] + data * 2);\n    }\n}\n";

        Assert.Empty(TaintRun.Library(source));
    }

    [Fact]
    public void KnownZero_Divisor_Diagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = 0;\n        Console.WriteLine(100 % data); // source // sink\n    }\n}\n";

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void KnownZero_CheckedNotEqualToZero_NoDiagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        float data = 0.0f;\n        if (Math.Abs(data) > 0.000001) { Console.WriteLine((int)(100.0 / data)); }\n    }\n}\n";

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void LiteralZeroDivisor_NoDiagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run(double x)\n    {\n        Console.WriteLine(x / 0.0);\n    }\n}\n";

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void KnownZero_PassedToMethodThatDivides_Diagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = 0;\n        Sink(data); // source\n    }\n\n    private static void Sink(int data)\n    {\n        Console.WriteLine(100 / data); // sink\n    }\n}\n";

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }

    [Fact]
    public void KnownZero_PassedToMethodThatChecks_NoDiagnostic()
    {
        var source = "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n        int data = 0;\n        Sink(data);\n    }\n\n    private static void Sink(int data)\n    {\n        if (data != 0) { Console.WriteLine(100 / data); }\n    }\n}\n";

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void ReadLine_CheckedByIsNotZeroPattern_NoDiagnostic()
    {
        var source = IntProgram("        if (data is not 0) { Console.WriteLine(100 / data); }\n        if (data is 0 or < 0) { return; }\n        Console.WriteLine(100 % data);");

        FindingAssert.None(TaintRun.Library(source), Rule);
    }

    [Fact]
    public void ReadLine_CheckedByAtLeastZeroPattern_Diagnostic()
    {
        var source = IntProgram("        if (data is >= 0) { Console.WriteLine(100 / data); } // sink");

        FindingAssert.Single(TaintRun.Library(source), source, Rule);
    }
}
