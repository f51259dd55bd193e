using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>Each family of built-in models, with a program that must be reported and one that must not.</summary>
public sealed class ModelFamilyTests
{
    private const string Web = "using System; using System.Data.Common; using Microsoft.AspNetCore.Http; using Microsoft.AspNetCore.Mvc;\n";

    [Fact]
    public void ControllerParameter_Concatenation_DbCommandText_Diagnostic()
    {
        const string source = Web + """
            public sealed class ProductsController : ControllerBase
            {
                private readonly DbConnection _db;
                public ProductsController(DbConnection db) { _db = db; }
                public IActionResult Search(string name) // source
                {
                    using var command = _db.CreateCommand();
                    command.CommandText = "SELECT * FROM products WHERE name = '" + name + "'"; // sink
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/sql-injection");
        Assert.Equal("remote", finding.SourceKind);
        Assert.Equal("sql-injection", finding.SinkKind);
        Assert.Equal(new[] { 89 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void ControllerParameter_Parameterised_DbCommand_NoDiagnostic()
    {
        const string source = Web + """
            public sealed class ProductsController : ControllerBase
            {
                private readonly DbConnection _db;
                public ProductsController(DbConnection db) { _db = db; }
                public IActionResult Search(string name)
                {
                    using var command = _db.CreateCommand();
                    command.CommandText = "SELECT * FROM products WHERE name = @name";
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@name";
                    parameter.Value = name;
                    command.Parameters.Add(parameter);
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/sql-injection");
    }

    [Fact]
    public void MinimalApiHandler_Parameter_Redirect_Diagnostic()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/go", (string target) => Results.Redirect(target)); // source // sink
            app.MapGet("/home", (string target) => Results.Redirect("/home"));
            app.Run();
            """;

        var findings = TaintRun.Application(source);
        var finding = FindingAssert.Single(findings, source, "cs/open-redirect");
        Assert.Contains(601, finding.Cwes);
    }

    [Fact]
    public void HttpRequestQuery_ResponseWrite_Xss_Diagnostic_AndEncodedNot()
    {
        const string source = Web + """
            using System.Text.Encodings.Web;
            public static class Pages
            {
                public static async System.Threading.Tasks.Task Hello(HttpContext context)
                {
                    var name = context.Request.Query["name"].ToString(); // source
                    await context.Response.WriteAsync("<p>" + name + "</p>"); // sink
                    await context.Response.WriteAsync("<p>" + HtmlEncoder.Default.Encode(name) + "</p>");
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/xss");
        Assert.Equal(new[] { 79, 80, 81, 83 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void Environment_PathCombine_FileRead_PathInjection_Diagnostic()
    {
        const string source = """
            using System; using System.IO;
            public static class Files
            {
                public static string Read()
                {
                    var name = Environment.GetEnvironmentVariable("NAME")!; // source
                    return File.ReadAllText(Path.Combine("/srv", name)); // sink
                }
                public static string ReadSafe()
                {
                    var name = Environment.GetEnvironmentVariable("NAME")!;
                    return File.ReadAllText(Path.Combine("/srv", Path.GetFileName(name)));
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/path-injection");
        Assert.Equal(new[] { 22, 23, 36 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void SocketStream_HttpClient_Ssrf_Diagnostic_AndConstantUrlNot()
    {
        const string source = """
            using System.IO; using System.Net.Http; using System.Net.Sockets;
            public static class Fetcher
            {
                public static async System.Threading.Tasks.Task<string> Fetch(TcpClient client, HttpClient http)
                {
                    var url = new StreamReader(client.GetStream()).ReadLine()!; // source
                    await http.GetStringAsync("https://example.org/status");
                    return await http.GetStringAsync(url); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/ssrf");
    }

    [Fact]
    public void DatabaseRead_ProcessStart_CommandInjection_Diagnostic()
    {
        const string source = """
            using System.Data.Common; using System.Diagnostics;
            public static class Jobs
            {
                public static void Run(DbDataReader reader)
                {
                    var command = reader.GetString(0); // source
                    Process.Start("/bin/sh", "-c " + command); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal("local", finding.SourceKind);
    }

    [Fact]
    public void HttpRequestForm_XPath_XPathInjection_Diagnostic()
    {
        const string source = Web + """
            using System.Xml.XPath;
            public static class Users
            {
                public static object Find(HttpRequest request, XPathNavigator navigator)
                {
                    var user = request.Form["user"].ToString(); // source
                    return navigator.Evaluate("//user[name='" + user + "']"); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/xpath-injection");
    }

    [Fact]
    public void HttpRequestHeader_Logger_LogInjection_Diagnostic()
    {
        const string source = Web + """
            using Microsoft.Extensions.Logging;
            public static class Audit
            {
                public static void Log(HttpRequest request, ILogger logger)
                {
                    var agent = request.Headers["User-Agent"].ToString(); // source
                    logger.LogInformation("Agent: " + agent); // sink
                    logger.LogInformation("Agent length {Length}", agent.Length);
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/log-injection");
    }

    [Fact]
    public void HttpRequestQuery_TypeGetType_UnsafeReflection_Diagnostic()
    {
        const string source = Web + """
            public static class Plugins
            {
                public static object? Load(HttpRequest request)
                {
                    var name = request.Query["type"].ToString(); // source
                    var type = Type.GetType(name); // sink
                    return type is null ? null : Activator.CreateInstance(type);
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/unsafe-reflection");
    }

    [Fact]
    public void HttpRequestQuery_ResponseCookie_HeaderInjection_Diagnostic_AndEscapedNot()
    {
        const string source = Web + """
            public static class Cookies
            {
                public static void Set(HttpContext context)
                {
                    var lang = context.Request.Query["lang"].ToString(); // source
                    context.Response.Cookies.Append("lang", lang); // sink
                    context.Response.Cookies.Append("safe", Uri.EscapeDataString(lang));
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/header-injection");
    }

    [Fact]
    public void ReadLine_StringFormat_FormatString_Diagnostic_AndArgumentNot()
    {
        const string source = """
            using System;
            public static class Formats
            {
                public static void Show()
                {
                    var input = Console.ReadLine()!; // source
                    Console.WriteLine(string.Format(input, 1)); // sink
                    Console.WriteLine(string.Format("{0}", input));
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/format-string");
    }

    [Fact]
    public void ReadLine_ConnectionString_ConfigInjection_Diagnostic()
    {
        const string source = """
            using System; using System.Data.Common;
            public static class Config
            {
                public static void Connect(DbConnection connection)
                {
                    var user = Console.ReadLine(); // source
                    connection.ConnectionString = "Server=db;User ID=" + user; // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/config-injection");
        Assert.Equal(new[] { 15 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void ReadLine_RegexConstructor_RegexInjection_Diagnostic_AndEscapedNot()
    {
        const string source = """
            using System; using System.Text.RegularExpressions;
            public static class Patterns
            {
                public static bool Match(string text)
                {
                    var pattern = Console.ReadLine()!; // source
                    var escaped = new Regex(Regex.Escape(pattern)).IsMatch(text);
                    return escaped && new Regex(pattern).IsMatch(text); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/regex-injection");
    }

    [Fact]
    public void ControllerRedirect_IsLocalUrlGuard_NoDiagnostic()
    {
        const string source = Web + """
            public sealed class AccountController : Controller
            {
                public IActionResult Login(string returnUrl)
                {
                    if (Url.IsLocalUrl(returnUrl)) { return Redirect(returnUrl); }
                    return Redirect("/");
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/open-redirect");
    }

    [Fact]
    public void HtmlHelperRaw_ControllerParameter_Xss_Diagnostic()
    {
        const string source = Web + """
            using Microsoft.AspNetCore.Mvc.Rendering;
            public sealed class ViewsController : Controller
            {
                public object Show(string bio, IHtmlHelper html) => html.Raw(bio); // source // sink
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/xss");
    }
}
