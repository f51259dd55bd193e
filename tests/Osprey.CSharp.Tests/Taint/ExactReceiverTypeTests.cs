using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// A receiver whose static type is a struct or a sealed class runs that type's method only, even
/// when its allocation is unknown: a <c>foreach</c> over a list disposes the list's enumerator, not
/// every <c>IDisposable</c> in the program. A receiver cast to an interface runs only the code of
/// types deriving from its type before the cast: a <c>using</c> of a library reader runs none. (<c>Describe</c> has no body, so it returns whatever its
/// receiver holds: the list's elements, were the enumerator taken for a <c>Session</c>.)
/// </summary>
public sealed class ExactReceiverTypeTests
{
    private const string Session = """
        using System; using System.Collections.Generic; using System.Diagnostics;
        public sealed class Session : IDisposable
        {
            public string Command = "ls";
            public extern string Describe();
            public void Dispose() { Process.Start(Describe()); } // sink
        }
        """;

    [Fact]
    public void ReadLine_ForeachOverListOfInput_OtherTypesDisposeNotRun_NoDiagnostic()
    {
        const string source = Session + """
            public static class Use
            {
                public static void Run()
                {
                    var lines = new List<string> { Console.ReadLine()! };
                    foreach (var line in lines)
                    {
                        Console.WriteLine(line.Length);
                    }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_SealedSourceTypeCastToInterface_ItsOwnDisposeRuns_Diagnostic()
    {
        const string source = Session + """
            public static class Use
            {
                public static void Run(Session session)
                {
                    session.Command = Console.ReadLine()!; // source
                    ((IDisposable)session).Dispose();
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_UsingLibraryReaderOfInput_SourceDisposeNotRun_NoDiagnostic()
    {
        const string source = Session + """
            public static class Use
            {
                public static void Run()
                {
                    using (var reader = System.Xml.XmlReader.Create(new System.IO.StringReader(Console.ReadLine()!)))
                    {
                        Console.WriteLine(reader.Read());
                    }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_BaseTypeCastToInterface_DerivedDisposeRuns_Diagnostic()
    {
        const string source = """
            using System; using System.Diagnostics;
            public class Channel : IDisposable
            {
                public string Command = "ls";
                public virtual void Dispose() { }
            }
            public sealed class ShellChannel : Channel
            {
                public override void Dispose() { Process.Start(Command); } // sink
            }
            public static class Use
            {
                public static void Run(Channel channel)
                {
                    channel.Command = Console.ReadLine()!; // source
                    ((IDisposable)channel).Dispose();
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }
}
