using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>Log sinks of ILogger, log4net, NLog and Serilog; each library is declared without bodies as in its package.</summary>
public sealed class LoggingModelTests
{
    private const string Libraries = """
        namespace log4net { public interface ILog { void Info(object message); void InfoFormat(string format, params object[] args); } }
        namespace NLog { public class Logger { public extern void Info(string message); public extern void Info(string message, params object[] args); } }
        namespace Serilog { public static class Log { public static extern void Information(string template, params object[] values); } }

        """;

    private static string Program(string body) => Libraries + $$"""
        public static class Audit
        {
            public static void Record(log4net.ILog log4, NLog.Logger nlog, Microsoft.Extensions.Logging.ILogger logger)
            {
                var user = System.Console.ReadLine()!; // source
                var clean = user.Replace("\r", "").Replace("\n", "");
        {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("log4.Info(\"login \" + user);")]
    [InlineData("log4.InfoFormat(\"login {0}\", user);")]
    [InlineData("nlog.Info(\"login \" + user);")]
    [InlineData("Serilog.Log.Information(\"login \" + user);")]
    [InlineData("Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, \"login \" + user);")]
    public void ConsoleInput_LogCall_LogInjection_Diagnostic(string call)
    {
        var source = Program("        " + call + " // sink");

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/log-injection");
        Assert.Equal(new[] { 117 }, finding.Cwes.ToArray());
    }

    [Theory]
    [InlineData("log4.Info(\"login \" + clean);")]
    [InlineData("nlog.Info(\"login {User}\", user.Length);")]
    [InlineData("Serilog.Log.Information(\"login {User}\", clean);")]
    public void ConsoleInput_LineBreaksRemovedOrNotLogged_NoDiagnostic(string call)
    {
        var source = Program("        " + call);

        FindingAssert.None(TaintRun.Library(source), "cs/log-injection");
    }
}
