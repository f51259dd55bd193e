using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>ASP.NET on System.Web (MVC 5, Web API 2, WebForms), with the framework declared without bodies as in its reference assemblies.</summary>
public sealed class SystemWebModelTests
{
    private const string SystemWeb = """
        using System;
        namespace System.Web
        {
            public sealed class HttpRequest
            {
                public extern System.Collections.Specialized.NameValueCollection QueryString { get; }
                public extern System.Collections.Specialized.NameValueCollection Form { get; }
                public extern string this[string key] { get; }
            }
            public sealed class HttpResponse
            {
                public extern void Write(string s);
                public extern void Redirect(string url);
                public extern void AddHeader(string name, string value);
            }
        }
        namespace System.Web.Mvc
        {
            public abstract class Controller
            {
                protected extern System.Web.HttpRequest Request { get; }
                protected extern object Content(string content);
            }
        }
        namespace System.Web.Http { public abstract class ApiController { } }
        namespace System.Web.UI
        {
            public class Page { protected extern System.Web.HttpResponse Response { get; } protected extern System.Web.HttpRequest Request { get; } }
        }
        namespace System.Web.UI.WebControls { public class TextBox { public extern string Text { get; set; } } }

        """;

    [Fact]
    public void Mvc5ActionParameter_ProcessStart_CommandInjection_Diagnostic()
    {
        const string source = SystemWeb + """
            public sealed class ToolsController : System.Web.Mvc.Controller
            {
                public object Ping(string host) // source
                {
                    System.Diagnostics.Process.Start("ping", host); // sink
                    return Content("ok");
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal("remote", finding.SourceKind);
    }

    [Fact]
    public void WebApi2ActionParameter_FileRead_PathInjection_Diagnostic_AndFileNameNot()
    {
        const string source = SystemWeb + """
            public sealed class FilesController : System.Web.Http.ApiController
            {
                public string Get(string name) => System.IO.File.ReadAllText(@"C:\files\" + name); // source // sink
                public string GetSafe(string name) => System.IO.File.ReadAllText(@"C:\files\" + System.IO.Path.GetFileName(name));
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/path-injection");
    }

    [Fact]
    public void WebFormsTextBox_ResponseWrite_Xss_Diagnostic_AndHtmlEncodedNot()
    {
        const string source = SystemWeb + """
            public partial class Greeting : System.Web.UI.Page
            {
                protected System.Web.UI.WebControls.TextBox NameBox = new();
                protected void Page_Load(object sender, EventArgs e)
                {
                    var name = NameBox.Text; // source
                    Response.Write("<p>Hello " + name + "</p>"); // sink
                    Response.Write("<p>Hello " + System.Web.HttpUtility.HtmlEncode(name) + "</p>");
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/xss");
    }

    [Fact]
    public void QueryString_Redirect_OpenRedirect_Diagnostic()
    {
        const string source = SystemWeb + """
            public partial class Login : System.Web.UI.Page
            {
                protected void Page_Load(object sender, EventArgs e)
                {
                    var next = Request.QueryString["next"]; // source
                    Response.Redirect(next!); // sink
                    Response.Redirect("/home");
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/open-redirect");
    }

    [Fact]
    public void RequestItem_AddHeader_HeaderInjection_Diagnostic_AndUrlEncodedNot()
    {
        const string source = SystemWeb + """
            public partial class Lang : System.Web.UI.Page
            {
                protected void Page_Load(object sender, EventArgs e)
                {
                    var lang = Request["lang"]; // source
                    Response.AddHeader("Content-Language", lang); // sink
                    Response.AddHeader("X-Lang", Uri.EscapeDataString(lang));
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/header-injection");
    }

    [Fact]
    public void Mvc5ActionParameter_ParsedNumberInCommand_NoDiagnostic()
    {
        const string source = SystemWeb + """
            public sealed class ToolsController : System.Web.Mvc.Controller
            {
                public object Ping(string count)
                {
                    System.Diagnostics.Process.Start("ping", "-c " + int.Parse(count) + " example.org");
                    return Content("ok");
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }
}
