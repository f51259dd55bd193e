using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>In an executable, a flow found only in a method nothing can start is not reported; in a library every public method is API.</summary>
public sealed class LiveMethodTests
{
    private const string Machines = """
        using System;
        using System.Diagnostics;
        public abstract class Machine { public abstract void Pause(); public abstract string Name(); }
        public sealed class Robot : Machine
        {
            private string _name = "";
            public override void Pause() { _name = Console.ReadLine()!; } // source
            public override string Name() => _name;
        }
        public sealed class Workshop
        {
            public void Run() { new Robot().Pause(); }
            public void PauseMachine(Machine machine)
            {
                machine.Pause();
                Process.Start(machine.Name()); // sink
            }
        }
        """;

    [Fact]
    public void ReadLine_InMethodNothingCalls_OfAnExecutable_NoDiagnostic()
    {
        const string source = Machines + """
            public static class Program { public static void Main() { new Workshop().Run(); } }
            """;

        FindingAssert.None(TaintRun.Application(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_InMethodMainCalls_OfAnExecutable_ProcessStart_Diagnostic()
    {
        const string source = Machines + """
            public static class Program { public static void Main() { new Workshop().PauseMachine(new Robot()); } }
            """;

        FindingAssert.Single(TaintRun.Application(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_InPublicMethodNothingCalls_OfALibrary_ProcessStart_Diagnostic()
    {
        FindingAssert.Single(TaintRun.Library(Machines), Machines, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_InInterfaceImplementationNothingCalls_OfAnExecutable_ProcessStart_Diagnostic()
    {
        const string source = """
            using System;
            using System.Diagnostics;
            public sealed class Job : IDisposable
            {
                public void Dispose() { Process.Start(Console.ReadLine()!); } // source // sink
            }
            public static class Program { public static void Main() { } }
            """;

        FindingAssert.Single(TaintRun.Application(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_InMiddlewareInvokeNothingCalls_OfAnExecutable_ProcessStart_Diagnostic()
    {
        const string source = """
            using System;
            using System.Diagnostics;
            public sealed class AuditMiddleware
            {
                public void Invoke() { Process.Start(Console.ReadLine()!); } // source // sink
            }
            public static class Program { public static void Main() { } }
            """;

        FindingAssert.Single(TaintRun.Application(source), source, "cs/command-injection");
    }
}
