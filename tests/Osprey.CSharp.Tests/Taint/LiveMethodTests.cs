using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// In an executable, a method nothing calls or starts gets no caller's objects: a flow that needs a
/// particular subclass in a parameter is not reported there, a flow that happens whatever the
/// arguments are still is. In a library every public method is API, open to any argument.
/// </summary>
public sealed class LiveMethodTests
{
    private const string Machines = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        public abstract class Machine { public abstract void Pause(); public abstract string Name(); }
        public sealed class Robot : Machine
        {
            private string _name = "";
            public override void Pause() { _name = Console.ReadLine()!; } // source
            public override string Name() => _name;
        }
        """;

    private const string Workshop = Machines + """
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
    public void ReadLine_SubclassOfParameter_InMethodNothingCalls_OfAnExecutable_NoDiagnostic()
    {
        const string source = Workshop + """
            public static class Program { public static void Main() { new Workshop().Run(); } }
            """;

        FindingAssert.None(TaintRun.Application(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_SubclassOfParameter_InMethodMainCalls_OfAnExecutable_ProcessStart_Diagnostic()
    {
        const string source = Workshop + """
            public static class Program { public static void Main() { new Workshop().PauseMachine(new Robot()); } }
            """;

        FindingAssert.Single(TaintRun.Application(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_SubclassOfParameter_InPublicMethodNothingCalls_OfALibrary_ProcessStart_Diagnostic()
    {
        FindingAssert.Single(TaintRun.Library(Workshop), Workshop, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_SubclassOfParameter_InInterfaceImplementationNothingCalls_OfAnExecutable_ProcessStart_Diagnostic()
    {
        const string source = Machines + """
            public sealed class ByName : IComparer<Machine>
            {
                public int Compare(Machine? x, Machine? y)
                {
                    x!.Pause();
                    Process.Start(x.Name()); // sink
                    return 0;
                }
            }
            public static class Program { public static void Main() { } }
            """;

        FindingAssert.Single(TaintRun.Application(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_SubclassOfParameter_InMiddlewareInvokeNothingCalls_OfAnExecutable_ProcessStart_Diagnostic()
    {
        const string source = Machines + """
            public sealed class PauseMiddleware
            {
                public void Invoke(Machine machine)
                {
                    machine.Pause();
                    Process.Start(machine.Name()); // sink
                }
            }
            public static class Program { public static void Main() { } }
            """;

        FindingAssert.Single(TaintRun.Application(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_SourceAndSinkInPrivateMethodNothingCalls_OfAnExecutable_ProcessStart_Diagnostic()
    {
        const string source = """
            using System;
            using System.Diagnostics;
            public sealed class Tool
            {
                private void NeverCalled() { Process.Start(Console.ReadLine()!); } // source // sink
            }
            public static class Program { public static void Main() { } }
            """;

        FindingAssert.Single(TaintRun.Application(source), source, "cs/command-injection");
    }
}
