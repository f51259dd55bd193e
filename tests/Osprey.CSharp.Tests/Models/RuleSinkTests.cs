using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>The rules not covered by a family test elsewhere: code injection, search paths, resource names and sizes.</summary>
public sealed class RuleSinkTests
{
    private const string Scripting = """
        namespace Microsoft.CodeAnalysis.CSharp.Scripting
        {
            public static class CSharpScript { public static extern System.Threading.Tasks.Task<object> EvaluateAsync(string code); }
        }

        """;

    [Fact]
    public void ControllerParameter_CSharpScript_CodeInjection_Diagnostic()
    {
        const string source = Scripting + """
            public sealed class CalcController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public System.Threading.Tasks.Task<object> Eval(string expression) => Microsoft.CodeAnalysis.CSharp.Scripting.CSharpScript.EvaluateAsync(expression); // source // sink
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/code-injection");
        Assert.Equal(new[] { 94, 95 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void ControllerParameter_ParsedNumberInScript_NoDiagnostic()
    {
        const string source = Scripting + """
            public sealed class CalcController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public System.Threading.Tasks.Task<object> Square(string value) => Microsoft.CodeAnalysis.CSharp.Scripting.CSharpScript.EvaluateAsync(int.Parse(value) + " * 2");
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/code-injection");
    }

    [Fact]
    public void ControllerParameter_AssemblyLoadOfBytes_CodeInjection_Diagnostic()
    {
        const string source = """
            public sealed class PluginController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public object Install(byte[] plugin) => System.Reflection.Assembly.Load(plugin); // source // sink
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/code-injection");
    }

    [Fact]
    public void ConsoleInput_PathVariable_SearchPath_Diagnostic_AndConstantNot()
    {
        const string source = """
            using System;
            public static class Setup
            {
                public static void Configure()
                {
                    var extra = Console.ReadLine(); // source
                    Environment.SetEnvironmentVariable("PATH", "/usr/bin:" + extra); // sink
                    Environment.SetEnvironmentVariable("PATH", "/usr/bin:/bin");
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/search-path");
        Assert.Equal(new[] { 427 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void ConsoleInput_ParsedPort_TcpListener_ResourceInjection_Diagnostic()
    {
        const string source = """
            using System; using System.Net; using System.Net.Sockets;
            public static class Server
            {
                public static TcpListener Listen()
                {
                    var port = int.Parse(Console.ReadLine()!); // source
                    new TcpListener(IPAddress.Loopback, 8080).Start();
                    return new TcpListener(IPAddress.Any, port); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/resource-injection");
        Assert.Equal(new[] { 99 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void ConsoleInput_PipeName_ResourceInjection_Diagnostic()
    {
        const string source = """
            using System; using System.IO.Pipes;
            public static class Ipc
            {
                public static NamedPipeClientStream Connect()
                {
                    var pipe = Console.ReadLine()!; // source
                    return new NamedPipeClientStream(".", pipe); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/resource-injection");
    }

    [Fact]
    public void ConsoleInput_ListCapacity_TaintedSize_Diagnostic_AndBoundedNot()
    {
        const string source = """
            using System; using System.Collections.Generic;
            public static class Buffers
            {
                public static void Make()
                {
                    var n = int.Parse(Console.ReadLine()!); // source
                    var list = new List<byte>(n); // sink
                    if (n > 0 && n <= 4096) { var small = new List<byte>(n); }
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-size");
        Assert.Contains(400, finding.Cwes);
    }

    [Fact]
    public void ConsoleInput_StaticRegexMatch_RegexInjection_Diagnostic()
    {
        const string source = """
            using System; using System.Text.RegularExpressions;
            public static class Search
            {
                public static bool Find(string text)
                {
                    var pattern = Console.ReadLine()!; // source
                    return Regex.Match(text, pattern).Success; // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/regex-injection");
        Assert.Equal(new[] { 730, 1333 }, finding.Cwes.ToArray());
    }

    // A number cannot carry an injection payload, but as a setting it is still the attacker's
    // choice: a parsed port in a connection string picks the port (CWE-15).
    [Fact]
    public void ConsoleInput_ParsedNumberInConnectionString_Diagnostic()
    {
        const string source = """
            using System; using System.Data.Common;
            public static class Config
            {
                public static void Connect(DbConnection connection)
                {
                    var port = Console.ReadLine()!; // source
                    connection.ConnectionString = "Server=db;Port=" + int.Parse(port).ToString(); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/config-injection");
    }

    [Fact]
    public void ConsoleInput_AllowListedValueInConnectionString_NoDiagnostic()
    {
        const string source = """
            using System; using System.Collections.Generic; using System.Data.Common;
            public static class Config
            {
                private static readonly HashSet<string> Databases = ["orders", "users"];
                public static void Connect(DbConnection connection)
                {
                    var name = Console.ReadLine()!;
                    if (Databases.Contains(name))
                    {
                        connection.ConnectionString = "Server=db;Database=" + name;
                    }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/config-injection");
    }

    [Fact]
    public void ConsoleInput_ParsedNumberInCommandText_NoSqlInjection()
    {
        const string source = """
            using System; using System.Data.Common;
            public static class Query
            {
                public static void Run(DbCommand command)
                {
                    var id = Console.ReadLine()!;
                    command.CommandText = "SELECT * FROM t WHERE id=" + int.Parse(id).ToString();
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/sql-injection");
    }

    [Fact]
    public void ControllerParameter_TypeChosenBySwitch_NoDiagnostic()
    {
        const string source = """
            using System;
            public sealed class ExportController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public object? Create(string kind) => Activator.CreateInstance(Type.GetType(kind switch { "csv" => "System.Text.StringBuilder", _ => "System.Object" })!);
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/unsafe-reflection");
    }
}
