using Microsoft.CodeAnalysis;
using Osprey.CSharp.Proof.Harness;
using Osprey.CSharp.Proof.Oracles;
using Osprey.CSharp.Proof.Tests.Verifying;

namespace Osprey.CSharp.Proof.Tests.Harness;

public sealed class HarnessBuilderTests
{
    private static readonly ScannedProgram SocketProgram = ScannedProgram.Of("""
        using System.Diagnostics;
        using System.IO;
        using System.Net.Sockets;
        namespace App;
        public class Job
        {
            public void Bad()
            {
                string data = "";
                {
                    try
                    {
                        using (TcpClient tcp = new TcpClient("host.example.org", 39544))
                        using (StreamReader reader = new StreamReader(tcp.GetStream()))
                        {
                            data = reader.ReadLine(); // source
                        }
                    }
                    catch (IOException) { }
                }
                Process.Start("/bin/ls " + data); // sink
            }
        }
        """);

    private static string BuildAndRender(ScannedProgram program, string kind)
    {
        var built = HarnessBuilder.Build(program.Compilation, program.Finding(kind), SinkOracles.For(kind)!.Payloads);
        Assert.True(built.Plan is not null, built.Problem?.Reason);
        var tree = built.Plan!.Compilation.SyntaxTrees.Single(t => t.FilePath == ScannedProgram.FilePath);
        return tree.GetRoot().NormalizeWhitespace().ToFullString();
    }

    [Fact]
    public void Build_SocketSourceInsideUsingAndTry_ReplacesTheWholeScaffoldingWithTheInputProvider()
    {
        var rewritten = BuildAndRender(SocketProgram, "command-injection");

        Assert.Contains("data = global::__Osprey.Input(0);", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("TcpClient", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProcessStartSink_IsReplacedByTheRecorderAndNoLongerCalled()
    {
        var rewritten = BuildAndRender(SocketProgram, "command-injection");

        Assert.Contains("global::__Osprey.Sink<global::System.Diagnostics.Process>(\"command-injection\", \"System.Diagnostics.Process.Start\"", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("Process.Start(", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EntryPoint_IsTheMethodHoldingSourceAndSink()
    {
        var built = HarnessBuilder.Build(SocketProgram.Compilation, SocketProgram.Finding("command-injection"), SinkOracles.For("command-injection")!.Payloads);

        Assert.Equal("App.Job.Bad()", built.Plan!.EntryPoint);
        Assert.Empty(built.Plan.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Build_TraceInAFileOutsideTheCompilation_ReportsTheMissingFile()
    {
        var finding = SocketProgram.Finding("command-injection");
        var elsewhere = finding with { Trace = [finding.Trace[0] with { Location = finding.Trace[0].Location with { FilePath = "src/Other.cs" } }, finding.Trace[1]] };

        var built = HarnessBuilder.Build(SocketProgram.Compilation, elsewhere, SinkOracles.For("command-injection")!.Payloads);

        Assert.Null(built.Plan);
        Assert.Equal("the file src/Other.cs is not in the compilation", built.Problem!.Reason);
    }
}
