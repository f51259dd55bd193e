using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>A nullable number parsed from a string proves, when it is not null, that the string is a number.</summary>
public sealed class ParseWitnessTests
{
    private const string Usings = "using System; using System.Diagnostics;\n";

    [Fact]
    public void ReadLine_UsedOnlyWhenParsedNumberIsNotNull_NoDiagnostic()
    {
        const string source = Usings + """
            public static class Use
            {
                public static void Run()
                {
                    string data = Console.ReadLine()!;
                    int? parsed = null;
                    try { parsed = int.Parse(data); }
                    catch (FormatException) { Console.WriteLine("not a number"); }
                    if (parsed != null)
                    {
                        Process.Start("calc " + data);
                    }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_UsedWhenParsedNumberIsNull_Diagnostic()
    {
        const string source = Usings + """
            public static class Use
            {
                public static void Run()
                {
                    string data = Console.ReadLine()!; // source
                    int? parsed = null;
                    try { parsed = int.Parse(data); }
                    catch (FormatException) { Console.WriteLine("not a number"); }
                    if (parsed == null)
                    {
                        Process.Start("calc " + data); // sink
                    }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_WitnessAlsoAssignedElsewhere_Diagnostic()
    {
        const string source = Usings + """
            public static class Use
            {
                public static void Run()
                {
                    string data = Console.ReadLine()!; // source
                    int? parsed = null;
                    try { parsed = int.Parse(data); }
                    catch (FormatException) { parsed = 0; }
                    if (parsed.HasValue)
                    {
                        Process.Start("calc " + data); // sink
                    }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }
}
