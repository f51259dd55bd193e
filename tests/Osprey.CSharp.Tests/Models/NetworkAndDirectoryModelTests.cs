using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>Outbound requests (HttpClient, WebClient, WebRequest) and LDAP (DirectorySearcher, DirectoryEntry).</summary>
public sealed class NetworkAndDirectoryModelTests
{
    private const string Web = "using System; using System.Net; using System.Net.Http; using Microsoft.AspNetCore.Mvc;\n";

    [Fact]
    public void ControllerParameter_WebClientDownloadString_Ssrf_Diagnostic_AndAllowListedNot()
    {
        const string source = Web + """
            #pragma warning disable SYSLIB0014
            public sealed class PreviewController : ControllerBase
            {
                private static readonly string[] Hosts = ["https://cdn.example.org/a", "https://cdn.example.org/b"];
                public string Preview(string url) => new WebClient().DownloadString(url); // source // sink
                public string Known(int index) => new WebClient().DownloadString(Hosts[index & 1]);
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/ssrf");
    }

    [Fact]
    public void ControllerParameter_WebRequestCreate_Ssrf_Diagnostic()
    {
        const string source = Web + """
            #pragma warning disable SYSLIB0014
            public sealed class ProxyController : ControllerBase
            {
                public object Fetch(string url) => WebRequest.Create("http://internal/" + url).GetResponse(); // source // sink
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/ssrf");
    }

    [Fact]
    public void ControllerParameter_HttpRequestMessage_Ssrf_Diagnostic()
    {
        const string source = Web + """
            public sealed class HookController : ControllerBase
            {
                private readonly HttpClient _http = new();
                public System.Threading.Tasks.Task<HttpResponseMessage> Call(string hook) // source
                {
                    return _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, hook)); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/ssrf");
    }

    [Fact]
    public void WebClientDownload_IsARemoteSource_CommandInjection_Diagnostic()
    {
        const string source = """
            #pragma warning disable SYSLIB0014
            using System.Net;
            public static class Updater
            {
                public static void Run()
                {
                    var script = new WebClient().DownloadString("https://updates.example.org/next"); // source
                    System.Diagnostics.Process.Start("/bin/sh", "-c " + script); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal("remote", finding.SourceKind);
    }

    private const string DirectoryServices = """
        namespace System.DirectoryServices
        {
            public sealed class DirectoryEntry { public extern DirectoryEntry(string path); }
            public sealed class DirectorySearcher
            {
                public extern DirectorySearcher(DirectoryEntry root, string filter);
                public extern DirectorySearcher();
                public extern string Filter { get; set; }
                public extern object FindOne();
            }
        }

        """;

    [Fact]
    public void ControllerParameter_DirectorySearcherFilter_LdapInjection_Diagnostic()
    {
        const string source = Web + DirectoryServices + """
            public sealed class PeopleController : ControllerBase
            {
                public object Find(string user) // source
                {
                    var searcher = new System.DirectoryServices.DirectorySearcher();
                    searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + user + "))"; // sink
                    return searcher.FindOne();
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/ldap-injection");
        Assert.Equal(new[] { 90 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void ControllerParameter_DirectoryEntryPath_LdapInjection_Diagnostic()
    {
        const string source = Web + DirectoryServices + """
            public sealed class GroupsController : ControllerBase
            {
                public object Open(string ou) => new System.DirectoryServices.DirectoryEntry("LDAP://dc=corp/ou=" + ou); // source // sink
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/ldap-injection");
    }

    [Fact]
    public void ControllerParameter_LdapFilterFromNumber_NoDiagnostic()
    {
        const string source = Web + DirectoryServices + """
            public sealed class PeopleController : ControllerBase
            {
                public object Find(string id)
                {
                    var searcher = new System.DirectoryServices.DirectorySearcher(new System.DirectoryServices.DirectoryEntry("LDAP://dc=corp"), "(employeeID=" + int.Parse(id) + ")");
                    return searcher.FindOne();
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/ldap-injection");
    }

    [Fact]
    public void ControllerParameter_WebRequestToConstantUrl_NoDiagnostic()
    {
        const string source = Web + """
            #pragma warning disable SYSLIB0014
            public sealed class ProxyController : ControllerBase
            {
                public object Fetch(string url) => WebRequest.Create("http://internal/status?len=" + url.Length).GetResponse();
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/ssrf");
    }
}
