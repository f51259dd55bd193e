using Osprey.Core.Findings;
using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>Minimal APIs, Razor Pages, SignalR hubs and gRPC services: each finding says whether its handler is reachable before authentication, and its severity follows.</summary>
public sealed class EntryPointSeverityTests
{
    private static Finding CommandInjection(string source, bool application = false)
    {
        var compilation = application ? TestCompilation.Application(source) : TestCompilation.Library(source);
        var findings = TaintRun.Analyze(compilation, withEntryPoints: true);
        return Assert.Single(findings, f => f.RuleId == "cs/command-injection");
    }

    private static string MinimalApi(string suffix) => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/ping", (string host) => { System.Diagnostics.Process.Start("ping", host); return Results.Ok(); }){{suffix}};
        app.Run();
        """;

    [Fact]
    public void Analyze_AnonymousMinimalApiHandler_KeepsSeverityAndSaysReachableBeforeAuthentication()
    {
        var finding = CommandInjection(MinimalApi(""), application: true);

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("before-authentication", finding.Properties["reachability"]);
        Assert.Contains("GET /ping", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_MinimalApiHandlerRequiringAuthorization_LowersSeverity()
    {
        var finding = CommandInjection(MinimalApi(".RequireAuthorization()"), application: true);

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("after-authentication", finding.Properties["reachability"]);
    }

    private static string RazorPage(string attribute) => $$"""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        {{attribute}}
        public sealed class ToolsModel : PageModel
        {
            public void OnPost(string host) { System.Diagnostics.Process.Start("ping", host); }
        }
        """;

    [Fact]
    public void Analyze_AnonymousRazorPageHandler_IsReachableBeforeAuthentication()
    {
        var finding = CommandInjection(RazorPage(""));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("before-authentication", finding.Properties["reachability"]);
    }

    [Fact]
    public void Analyze_AuthorizedRazorPageHandler_LowersSeverity()
    {
        var finding = CommandInjection(RazorPage("[Authorize]"));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("after-authentication", finding.Properties["reachability"]);
    }

    private static string Hub(string attribute) => $$"""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.SignalR;
        {{attribute}}
        public sealed class ToolsHub : Hub
        {
            public void Ping(string host) { System.Diagnostics.Process.Start("ping", host); }
        }
        """;

    [Fact]
    public void Analyze_AnonymousHubMethod_IsReachableBeforeAuthentication()
    {
        var finding = CommandInjection(Hub(""));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("before-authentication", finding.Properties["reachability"]);
        Assert.Equal(EntryPointKind.Message, finding.EntryPoint?.Kind);
    }

    [Fact]
    public void Analyze_AuthorizedHub_LowersSeverity()
    {
        var finding = CommandInjection(Hub("[Authorize(Roles = \"Ops\")]"));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("after-authentication", finding.Properties["reachability"]);
    }

    private static string Grpc(string attribute) => $$"""
        using Microsoft.AspNetCore.Authorization;
        namespace Grpc.Core { public abstract class ServerCallContext { } }
        namespace Rpc
        {
            public sealed class PingRequest { public string Host { get; set; } = ""; }
            public abstract class PingerBase
            {
                public virtual System.Threading.Tasks.Task<string> Ping(PingRequest request, Grpc.Core.ServerCallContext context) => System.Threading.Tasks.Task.FromResult("");
            }
            {{attribute}}
            public sealed class PingerService : PingerBase
            {
                public override System.Threading.Tasks.Task<string> Ping(PingRequest request, Grpc.Core.ServerCallContext context)
                {
                    System.Diagnostics.Process.Start("ping", request.Host);
                    return System.Threading.Tasks.Task.FromResult("ok");
                }
            }
        }
        """;

    [Fact]
    public void Analyze_AnonymousGrpcMethod_IsReachableBeforeAuthentication()
    {
        var finding = CommandInjection(Grpc(""));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("before-authentication", finding.Properties["reachability"]);
    }

    [Fact]
    public void Analyze_AuthorizedGrpcService_LowersSeverity()
    {
        var finding = CommandInjection(Grpc("[Authorize]"));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("after-authentication", finding.Properties["reachability"]);
    }
}
