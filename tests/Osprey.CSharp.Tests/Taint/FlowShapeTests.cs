using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>One test per flow shape the analysis must follow (or must cut), each a small whole program.</summary>
public sealed class FlowShapeTests
{
    private const string Usings = "using System; using System.Collections.Generic; using System.Diagnostics; using System.Linq; using System.Text; using System.Threading.Tasks;\n";

    [Fact]
    public void ReadLine_InstanceField_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public sealed class Job
            {
                private string _command = "";
                public void Load() { _command = Console.ReadLine() ?? ""; } // source
                public void Run() { Process.Start(_command); } // sink
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Contains(finding.Trace, s => s.Description.Contains("stored in field `_command`", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadLine_FiveDeepCallChain_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Chain
            {
                public static void Entry() { One(Console.ReadLine()!); } // source
                private static void One(string a) => Two(a + "-");
                private static void Two(string b) => Three(b.Trim());
                private static void Three(string c) => Four(c);
                private static void Four(string d) => Five(d);
                private static void Five(string e) { Process.Start(e); } // sink
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal(5, finding.Trace.Count(s => s.Description.StartsWith("passed to", StringComparison.Ordinal)));
    }

    [Fact]
    public void ReadLine_ArrayElement_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Arrays
            {
                public static void Run()
                {
                    var items = new string[3];
                    items[1] = Console.ReadLine()!; // source
                    Use(items);
                }
                private static void Use(string[] items) { Process.Start(items[1]); } // sink
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_ListAndDictionary_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Collections
            {
                public static void Run()
                {
                    var list = new List<string>();
                    list.Add(Console.ReadLine()!); // source
                    var map = new Dictionary<int, string>();
                    map[2] = list[0];
                    Process.Start(map[2]); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_Foreach_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Loop
            {
                public static void Run()
                {
                    var list = new List<string> { "a", Console.ReadLine()! }; // source
                    foreach (var item in list.Where(i => i.Length > 0))
                    {
                        Process.Start(item); // sink
                    }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_VirtualDispatch_OnlyAllocatedOverride_Diagnostic()
    {
        const string source = Usings + """
            public abstract class Handler { public abstract void Handle(string value); }
            public sealed class Unsafe : Handler { public override void Handle(string value) { Process.Start(value); } } // sink
            public sealed class Safe : Handler { public override void Handle(string value) { Console.WriteLine(value); } }
            public static class Dispatch
            {
                public static void Run()
                {
                    Handler handler = new Unsafe();
                    handler.Handle(Console.ReadLine()!); // source
                }
                public static void Other()
                {
                    Handler handler = new Safe();
                    handler.Handle(Console.ReadLine()!);
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_LambdaAndLocalFunction_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Lambdas
            {
                public static void Run()
                {
                    Func<string, string> wrap = s => "[" + s + "]";
                    var wrapped = wrap(Console.ReadLine()!); // source
                    Start(wrapped);
                    void Start(string command) { Process.Start(command); } // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_LambdaRunInsideForeach_MethodStillAnalysed_Diagnostic()
    {
        // The foreach is a try/finally; the lambda's own graph must not reach for the enclosing method's handlers.
        const string source = Usings + """
            public static class Flags
            {
                public static void Run(string[] separators, string[] flags)
                {
                    var name = Console.ReadLine()!; // source
                    foreach (var separator in separators)
                    {
                        if (flags.Any(f => name.Contains(f + separator))) { Console.WriteLine(separator); }
                    }

                    Process.Start(name); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void SharedSourceHelper_CalledInTwoMethods_OneSinkCall_TwoFindings()
    {
        const string source = Usings + """
            public static class Model
            {
                public static string Source() => Console.ReadLine()!;
                public static void Sink(string command) { Process.Start(command); }
            }
            public static class First { public static void Run() { Second.Run(Model.Source()); } }
            public static class Second { public static void Run(string input) { var own = Model.Source(); Model.Sink(input + own); } }
            """;

        var findings = TaintRun.Library(source).Where(f => f.RuleId == "cs/command-injection").ToList();

        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void OneSourceCall_TwoPathsIntoOneSinkCall_OneFinding()
    {
        const string source = Usings + """
            public static class Paths
            {
                public static void Run(bool left)
                {
                    var input = Console.ReadLine()!;
                    if (left) { ViaLeft(input); } else { ViaRight(input); }
                }
                private static void ViaLeft(string value) => Common(value + "-l");
                private static void ViaRight(string value) => Common(value + "-r");
                private static void Common(string value) => Sink(value);
                private static void Sink(string command) { Process.Start(command); }
            }
            """;

        Assert.Single(TaintRun.Library(source), f => f.RuleId == "cs/command-injection");
    }

    [Fact]
    public void ReadLine_AsyncAwait_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Async
            {
                public static async Task Run()
                {
                    var command = await ReadAsync();
                    Process.Start(command); // sink
                }
                private static async Task<string> ReadAsync()
                {
                    await Task.Yield();
                    return Console.ReadLine()!; // source
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_RefAndOutParameters_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class RefOut
            {
                public static void Run()
                {
                    Read(out var command);
                    var copy = "";
                    Copy(command, ref copy);
                    Process.Start(copy); // sink
                }
                private static void Read(out string value) { value = Console.ReadLine()!; } // source
                private static void Copy(string from, ref string to) { to = from; }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_ConstructorAndObjectInitializer_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public sealed class Command
            {
                public Command(string name) { Name = name; }
                public string Name { get; }
                public string Arguments { get; init; } = "";
            }
            public static class Objects
            {
                public static void Run()
                {
                    var command = new Command("ls") { Arguments = Console.ReadLine()! }; // source
                    Process.Start(command.Name, command.Arguments); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_StringBuilderFormatInterpolation_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Text
            {
                public static void Run()
                {
                    var input = Console.ReadLine(); // source
                    var builder = new StringBuilder("ls ");
                    builder.Append(string.Format("{0}", $"-l {input}"));
                    Process.Start(builder.ToString()); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_ExceptionMessage_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Exceptions
            {
                public static void Run()
                {
                    try
                    {
                        throw new InvalidOperationException(Console.ReadLine()); // source
                    }
                    catch (InvalidOperationException e)
                    {
                        Process.Start(e.Message); // sink
                    }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_SerializationRoundTrip_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            using System.Text.Json;
            public static class RoundTrip
            {
                public static void Run()
                {
                    var json = JsonSerializer.Serialize(Console.ReadLine()); // source
                    var back = JsonSerializer.Deserialize<string>(json)!;
                    Process.Start(back); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_StaticField_ProcessStart_Diagnostic()
    {
        const string source = Usings + """
            public static class Statics
            {
                public static string Data = "";
                public static void Bad() { Data = Console.ReadLine()!; Sink(); } // source
                public static void Good() { Data = "ls"; Sink(); }
                private static void Sink() { Process.Start(Data); } // sink
            }
            """;

        var findings = TaintRun.Library(source);
        FindingAssert.Single(findings, source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_DeadBranchOnConstField_NoDiagnostic()
    {
        const string source = Usings + """
            public sealed class Flags
            {
                private const bool Enabled = false;
                private static readonly int Five = 5;
                private bool _alwaysFalse = false;
                public void Run()
                {
                    var input = Console.ReadLine()!;
                    if (Enabled) { Process.Start(input); }
                    if (Five != 5) { Process.Start(input); }
                    if (_alwaysFalse) { Process.Start(input); }
                    switch (6) { case 7: Process.Start(input); break; default: break; }
                    while (true) { if (false) { Process.Start(input); } break; }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Theory]
    [InlineData("_level = 1;")]
    [InlineData("this._level = 1;")]
    [InlineData("other._level = 1;")]
    [InlineData("_level++;")]
    [InlineData("(_level, other._level) = (1, 1);")]
    [InlineData("Set(ref _level);")]
    [InlineData("other?._level = 1;")]
    public void ReadLine_BranchOnInitialisedFieldWrittenElsewhere_Diagnostic(string write)
    {
        // An initialised field is a constant only when nothing writes it: each form of write keeps the branch live.
        var source = Usings + $$"""
            public sealed class Switch
            {
                private int _level = 0;
                public void Enable(Switch other) { {{write}} }
                private static void Set(ref int level) => level = 1;
                public void Run()
                {
                    var input = Console.ReadLine()!; // source
                    if (_level == 1) { Process.Start(input); } // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_StaticReturnsTrueHelper_OnlyLiveBranch_Diagnostic()
    {
        const string source = Usings + """
            public static class Helpers
            {
                public static bool ReturnsTrue() { return true; }
                public static bool ReturnsFalse() => false;
            }
            public static class Branches
            {
                public static void Run()
                {
                    var input = Console.ReadLine()!; // source
                    if (Helpers.ReturnsFalse()) { Process.Start("dead " + input); }
                    if (Helpers.ReturnsTrue()) { Process.Start(input); } // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_Sanitizers_NoDiagnostic()
    {
        const string source = Usings + """
            using System.IO;
            public static class Sanitized
            {
                public static void Run()
                {
                    var input = Console.ReadLine()!;
                    Process.Start("ls " + int.Parse(input));
                    File.ReadAllText(Path.Combine("/srv/files", Path.GetFileName(input)));
                    input = "constant";
                    Process.Start(input);
                }
            }
            """;

        var findings = TaintRun.Library(source);
        FindingAssert.None(findings, "cs/command-injection");
        FindingAssert.None(findings, "cs/path-injection");
    }

    [Fact]
    public void ReadLine_RegexAndAllowListGuards_NoDiagnostic()
    {
        const string source = Usings + """
            using System.Text.RegularExpressions;
            public static class Guards
            {
                private static readonly HashSet<string> Allowed = new() { "ls", "pwd" };
                public static void Run()
                {
                    var input = Console.ReadLine()!;
                    if (!Regex.IsMatch(input, "^[0-9a-zA-Z]+$")) { return; }
                    Process.Start(input);
                }
                public static void Other()
                {
                    var input = Console.ReadLine()!;
                    if (Allowed.Contains(input)) { Process.Start(input); }
                    if (input == "whoami") { Process.Start(input); }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }
}
