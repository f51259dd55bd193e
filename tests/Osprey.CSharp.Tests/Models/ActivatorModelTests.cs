using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>
/// <c>Activator.CreateInstance(type)</c> builds an object with its parameterless constructor: nothing
/// of the <c>Type</c> is in it. The overloads with constructor arguments pass those on.
/// </summary>
public sealed class ActivatorModelTests
{
    private const string Job = """
        using System; using System.Diagnostics;
        public sealed class Job
        {
            public Job() { Command = "ls"; }
            public Job(string command) { Command = command; }
            public string Command;
        }
        """;

    [Fact]
    public void ReadLine_TypeNamedByInput_NewInstanceField_ProcessStart_NoDiagnostic()
    {
        const string source = Job + """
            public static class Use
            {
                public static void Run()
                {
                    var type = Type.GetType(Console.ReadLine()!)!;
                    var job = (Job)Activator.CreateInstance(type)!;
                    Process.Start(job.Command);
                }
            }
            """;

        var findings = TaintRun.Library(source);

        FindingAssert.None(findings, "cs/command-injection");
        Assert.Contains(findings, f => f.RuleId == "cs/unsafe-reflection");
    }

    [Fact]
    public void ReadLine_ConstructorArgumentThroughActivator_ProcessStart_Diagnostic()
    {
        const string source = Job + """
            public static class Use
            {
                public static void Run()
                {
                    var input = Console.ReadLine()!; // source
                    var job = (Job)Activator.CreateInstance(typeof(Job), input)!;
                    Process.Start(job.Command); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }
}
