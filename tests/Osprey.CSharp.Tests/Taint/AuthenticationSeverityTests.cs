using Osprey.Core.Findings;
using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>A flow's severity reflects whether its entry point can be reached before authentication.</summary>
public sealed class AuthenticationSeverityTests
{
    private static string Controller(string classAttribute, string actionAttribute) => $$"""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("tools")]
        {{classAttribute}}
        public sealed class ToolsController : ControllerBase
        {
            [HttpGet("run")]
            {{actionAttribute}}
            public IActionResult Run(string command)
            {
                Runner.Start(command);
                return Ok();
            }
        }

        public static class Runner
        {
            public static void Start(string command) { Process.Start(command); }
        }
        """;

    private static Finding CommandInjection(string source)
    {
        var findings = TaintRun.Analyze(TestCompilation.Library(source), withEntryPoints: true);
        return Assert.Single(findings, f => f.RuleId == "cs/command-injection");
    }

    [Fact]
    public void Analyze_AnonymousAction_KeepsSeverityAndSaysReachableBeforeAuthentication()
    {
        var finding = CommandInjection(Controller("", ""));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("before-authentication", finding.Properties["reachability"]);
        Assert.Contains("reachable before authentication through GET ", finding.Message, StringComparison.Ordinal);
        Assert.Contains("tools/run", finding.Message, StringComparison.Ordinal);
        Assert.Equal(AuthRequirement.Anonymous, finding.EntryPoint?.Auth);
    }

    [Fact]
    public void Analyze_AuthorizedController_LowersSeverityOneLevel()
    {
        var finding = CommandInjection(Controller("[Authorize(Roles = \"Admin\")]", ""));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("after-authentication", finding.Properties["reachability"]);
        Assert.Contains("reachable only after authentication", finding.Message, StringComparison.Ordinal);
        Assert.Contains("role:Admin", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_AllowAnonymousOnActionOfAuthorizedController_KeepsSeverity()
    {
        var finding = CommandInjection(Controller("[Authorize]", "[AllowAnonymous]"));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("before-authentication", finding.Properties["reachability"]);
    }

    [Fact]
    public void Analyze_NoEntryPoint_KeepsSeverityWithoutReachability()
    {
        const string source = """
            using System; using System.Diagnostics;
            public static class Tool { public static void Run() { Process.Start(Console.ReadLine()!); } }
            """;

        var finding = CommandInjection(source);

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.False(finding.Properties.ContainsKey("reachability"));
    }
}
