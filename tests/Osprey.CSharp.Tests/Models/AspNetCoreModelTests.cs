using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>ASP.NET Core inputs: request members and the parameters of each kind of handler, with a program that must be reported and one that must not.</summary>
public sealed class AspNetCoreModelTests
{
    private const string Usings = "using System; using System.Diagnostics; using System.IO; using Microsoft.AspNetCore.Http; using Microsoft.AspNetCore.Mvc;\n";

    [Fact]
    public void RazorPageHandlerParameter_ProcessStart_CommandInjection_Diagnostic()
    {
        const string source = Usings + """
            using Microsoft.AspNetCore.Mvc.RazorPages;
            public sealed class ToolsModel : PageModel
            {
                public void OnPost(string host) // source
                {
                    Process.Start("ping", host); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal("remote", finding.SourceKind);
    }

    [Fact]
    public void RazorPageHandler_ServiceParameter_NoDiagnostic()
    {
        const string source = Usings + """
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.Extensions.Configuration;
            public sealed class ToolsModel : PageModel
            {
                public void OnPost([FromServices] IConfiguration configuration, string host)
                {
                    Process.Start("ping", configuration["Host"]!);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void SignalRHubMethodParameter_FileWrite_PathInjection_Diagnostic()
    {
        const string source = Usings + """
            using Microsoft.AspNetCore.SignalR;
            public sealed class UploadHub : Hub
            {
                public void Save(string name, string text) // source
                {
                    File.WriteAllText("/srv/uploads/" + name, text); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/path-injection");
        Assert.Equal("remote", finding.SourceKind);
    }

    [Fact]
    public void SignalRHub_FileNameOnly_NoDiagnostic()
    {
        const string source = Usings + """
            using Microsoft.AspNetCore.SignalR;
            public sealed class UploadHub : Hub
            {
                public void Save(string name, string text)
                {
                    File.WriteAllText("/srv/uploads/" + Path.GetFileName(name), text);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/path-injection");
    }

    // gRPC's generated base class and its call context, declared as in Grpc.Core.
    private const string Grpc = """
        namespace Grpc.Core { public abstract class ServerCallContext { } }
        namespace Rpc
        {
            public sealed class HelloRequest { public string Name { get; set; } = ""; }
            public abstract class GreeterBase
            {
                public virtual System.Threading.Tasks.Task<string> SayHello(HelloRequest request, Grpc.Core.ServerCallContext context) => System.Threading.Tasks.Task.FromResult("");
            }
        }

        """;

    [Fact]
    public void GrpcServiceRequestMessage_ProcessStart_CommandInjection_Diagnostic()
    {
        const string source = Usings + Grpc + """
            public sealed class GreeterService : Rpc.GreeterBase
            {
                public override System.Threading.Tasks.Task<string> SayHello(Rpc.HelloRequest request, Grpc.Core.ServerCallContext context) // source
                {
                    Process.Start("/usr/bin/figlet", request.Name); // sink
                    return System.Threading.Tasks.Task.FromResult("hi");
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal("remote", finding.SourceKind);
    }

    [Fact]
    public void GrpcServiceMethodWithoutCallContext_NoDiagnostic()
    {
        const string source = Usings + Grpc + """
            public sealed class Helper
            {
                public System.Threading.Tasks.Task<string> SayHello(Rpc.HelloRequest request)
                {
                    Process.Start("/usr/bin/figlet", request.Name);
                    return System.Threading.Tasks.Task.FromResult("hi");
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ControllerComplexModelParameter_Property_SqlInjection_Diagnostic()
    {
        const string source = Usings + """
            using System.Data.Common;
            public sealed class SearchForm { public string Term { get; set; } = ""; }
            public sealed class SearchController : ControllerBase
            {
                private readonly DbCommand _command;
                public SearchController(DbCommand command) { _command = command; }
                [HttpPost]
                public IActionResult Find([FromBody] SearchForm form) // source
                {
                    _command.CommandText = "SELECT * FROM t WHERE x = '" + form.Term + "'"; // sink
                    return Ok();
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/sql-injection");
    }

    [Fact]
    public void ControllerNonAction_Parameter_NoDiagnostic()
    {
        const string source = Usings + """
            public sealed class AdminController : ControllerBase
            {
                [NonAction]
                public void Run(string command) { Process.Start(command); }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void HttpRequestCookieAndRouteValue_Redirect_OpenRedirect_Diagnostic()
    {
        const string source = Usings + """
            public static class Links
            {
                public static void Go(HttpContext context)
                {
                    var target = context.Request.Cookies["next"]; // source
                    context.Response.Redirect(target!); // sink
                    var page = context.Request.RouteValues["page"]?.ToString();
                    context.Response.Redirect("/pages/" + Uri.EscapeDataString(page ?? ""));
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/open-redirect");
    }

    [Fact]
    public void HttpRequestBody_ReadToEnd_Deserialize_UnsafeDeserialization_Diagnostic()
    {
        const string source = Usings + """
            public static class Import
            {
                public static async System.Threading.Tasks.Task<object?> Load(HttpRequest request)
                {
                    var text = await new StreamReader(request.Body).ReadToEndAsync(); // source
                    return Type.GetType(text); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/unsafe-reflection");
    }

    [Fact]
    public void ControllerParameter_HtmlStringAndContent_Xss_Diagnostic_AndEncodedNot()
    {
        const string source = Usings + """
            using Microsoft.AspNetCore.Html;
            using System.Text.Encodings.Web;
            public sealed class ProfileController : Controller
            {
                public IHtmlContent Bio(string bio) => new HtmlString("<p>" + bio + "</p>"); // source // sink
                public IHtmlContent SafeBio(string bio) => new HtmlString("<p>" + HtmlEncoder.Default.Encode(bio) + "</p>");
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/xss");
    }

    [Fact]
    public void MinimalApiHandler_ServiceParameter_NoDiagnostic()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Configuration;
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/go", (IConfiguration configuration) => Results.Redirect(configuration["Home"]!));
            app.Run();
            """;

        FindingAssert.None(TaintRun.Application(source), "cs/open-redirect");
    }
}
