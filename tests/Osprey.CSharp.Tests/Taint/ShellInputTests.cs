using Osprey.CSharp.Analysis.Taint;
using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>Text written to the standard input of a shell is a command line; the standard input of any other program is data.</summary>
public sealed class ShellInputTests
{
    private const string Usings = "using System; using System.Diagnostics; using System.IO;\n";

    [Fact]
    public void ReadLine_WrittenToStandardInputOfBash_Diagnostic()
    {
        const string source = Usings + """
            public static class Runner
            {
                public static void Run()
                {
                    var command = Console.ReadLine()!; // source
                    using var process = Process.Start(new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true })!;
                    using StreamWriter writer = process.StandardInput;
                    writer.WriteLine(command); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_WrittenToStandardInputOfCmdSetThroughStartInfo_Diagnostic()
    {
        const string source = Usings + """
            public static class Runner
            {
                public static void Run()
                {
                    var command = Console.ReadLine()!; // source
                    using var process = new Process();
                    process.StartInfo.FileName = "cmd.exe";
                    process.StartInfo.RedirectStandardInput = true;
                    process.Start();
                    process.StandardInput.WriteLine(command); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_WrittenToStandardInputOfSort_NoDiagnostic()
    {
        const string source = Usings + """
            public static class Runner
            {
                public static void Run()
                {
                    using var process = Process.Start(new ProcessStartInfo("/usr/bin/sort") { RedirectStandardInput = true })!;
                    process.StandardInput.WriteLine(Console.ReadLine());
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_WrittenToStandardInputOfProcessWithoutProgram_NoDiagnostic()
    {
        const string source = Usings + """
            public static class Runner
            {
                public static void Run()
                {
                    var input = Console.ReadLine();
                    using (var process = new Process())
                    {
                        process.StartInfo.RedirectStandardInput = true;
                        process.Start();
                        using (StreamWriter writer = process.StandardInput) { writer.WriteLine(input); }
                    }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Theory]
    [InlineData("bash", true)]
    [InlineData("/bin/sh", true)]
    [InlineData("C:\\Windows\\System32\\cmd.exe", true)]
    [InlineData("pwsh", true)]
    [InlineData("/usr/bin/sort", false)]
    [InlineData("git", false)]
    public void IsShell_KnowsCommandShellsByNameOrPath(string program, bool shell)
    {
        Assert.Equal(shell, ShellStandardInput.IsShell(program));
    }
}
