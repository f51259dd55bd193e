using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>A callee that writes through one parameter and reads through another sees its own write when the caller passes one object twice.</summary>
public sealed class AliasedArgumentTests
{
    private const string Usings = "using System; using System.Diagnostics;\n";

    private const string Box = """
        public sealed class Box { public string X = ""; }
        """;

    [Fact]
    public void ReadLine_SameObjectPassedTwice_WrittenThroughOneReadThroughOther_Diagnostic()
    {
        const string source = Usings + Box + """
            public static class Mixer
            {
                public static void Run()
                {
                    var a = new Box();
                    var b = a;
                    Mix(a, b, Console.ReadLine()!); // source
                }
                private static void Mix(Box a, Box b, string n)
                {
                    a.X = n;
                    Process.Start(b.X); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_DistinctObjects_WrittenThroughOneReadThroughOther_NoDiagnostic()
    {
        const string source = Usings + Box + """
            public static class Mixer
            {
                public static void Run()
                {
                    Mix(new Box(), new Box(), Console.ReadLine()!);
                    var a = new Box();
                    Mix(a, a, "ls");
                }
                private static void Mix(Box a, Box b, string n)
                {
                    a.X = n;
                    Process.Start(b.X);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }
}
