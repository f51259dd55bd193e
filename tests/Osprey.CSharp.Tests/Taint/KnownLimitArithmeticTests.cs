using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>Arithmetic on a variable known to hold its type's limit wraps silently; a range check, a checked context or an ordinary value is not reported. The finding starts where the limit was stored.</summary>
public sealed class KnownLimitArithmeticTests
{
    private static string Program(string body) => "using System;\npublic static class Use\n{\n    public static void Run()\n    {\n" + body + "\n    }\n}\n";

    [Fact]
    public void MaxValueInVariable_AddOne_IntegerOverflow_Diagnostic()
    {
        var source = Program("        long data = long.MaxValue; // source\n        long result = data + 1; // sink\n        Console.WriteLine(result);");

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-overflow");
        Assert.Equal("constant", finding.SourceKind);
    }

    [Fact]
    public void ByteMaxValue_AddOneCastBack_IntegerOverflow_Diagnostic()
    {
        var source = Program("        byte data = byte.MaxValue; // source\n        byte result = (byte)(data + 1); // sink\n        Console.WriteLine(result);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-overflow");
    }

    [Fact]
    public void MinValueInVariable_Decrement_IntegerUnderflow_Diagnostic()
    {
        var source = Program("        int data = int.MinValue; // source\n        data--; // sink\n        Console.WriteLine(data);");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-underflow");
    }

    [Fact]
    public void MaxValueCheckedBeforeAdding_NoDiagnostic()
    {
        var source = Program("        long data = long.MaxValue;\n        if (Math.Abs(data) <= (long)Math.Sqrt(long.MaxValue)) { Console.WriteLine(data * data); }\n        if (data < long.MaxValue) { Console.WriteLine(data + 1); }");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-overflow");
    }

    [Fact]
    public void MaxValueInCheckedContext_NoDiagnostic()
    {
        var source = Program("        int data = int.MaxValue;\n        Console.WriteLine(checked(data + 1));");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-overflow");
    }

    [Fact]
    public void HashMultiplierOverflowingOnPurpose_NoDiagnostic()
    {
        var source = Program("        ulong hash = 14695981039346656037;\n        hash *= 1099511628211;\n        Console.WriteLine(hash);");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-overflow");
    }

    [Fact]
    public void MaxValueInLong_AddedAsInt_NoDiagnostic()
    {
        var source = Program("        long data = int.MaxValue;\n        Console.WriteLine(data + 1);");

        FindingAssert.None(TaintRun.Library(source), "cs/integer-overflow");
    }

    [Fact]
    public void MaxValueCheckedOnlyFromBelow_Multiplied_IntegerOverflow_Diagnostic()
    {
        var source = Program("        short data = short.MaxValue; // source\n        if (data > 0)\n        {\n            short result = (short)(data * 2); // sink\n            Console.WriteLine(result);\n        }");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/integer-overflow");
    }
}
