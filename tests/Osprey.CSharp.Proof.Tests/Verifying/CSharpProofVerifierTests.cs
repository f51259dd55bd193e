using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.CSharp.Proof.Tests.Verifying;

public sealed class CSharpProofVerifierTests
{
    private static async Task<Verification> VerifyAsync(ScannedProgram program, Finding finding, TimeSpan? timeout = null)
    {
        var verifier = new CSharpProofVerifier(new ProofOptions { CompilationProvider = _ => program.Compilation });
        Assert.True(verifier.CanVerify(finding));
        return await verifier.VerifyAsync(ScannedProgram.Context(timeout), ScannedProgram.Recon, finding, CancellationToken.None);
    }

    private static void AssertStatus(VerificationStatus expected, Verification verification) =>
        Assert.True(verification.Status == expected, $"expected {expected}, was {verification.Status}: {verification.Reason}{verification.Proof?.Observed}");

    [Fact]
    public async Task VerifyAsync_ConsoleInputConcatenatedIntoProcessStart_IsConfirmedWithCommandSeparator()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.Diagnostics;
            namespace App;
            public static class Program
            {
                public static void Main(string[] args)
                {
                    string data = Console.ReadLine(); // source
                    Process process = Process.Start("/bin/ls " + data); // sink
                    process.WaitForExit();
                }
            }
            """);

        var verification = await VerifyAsync(program, program.Finding("command-injection"));

        AssertStatus(VerificationStatus.Confirmed, verification);
        Assert.Equal("osprey; id", verification.Proof!.Payload);
        Assert.Equal("/bin/ls osprey; id", verification.Proof.Observed);
        Assert.Contains("App.Program.Main", verification.Proof.EntryPoint, StringComparison.Ordinal);
        Assert.Equal("csharp-test", verification.Proof.Replay!.Kind);
        Assert.Contains("osprey; id", verification.Proof.Replay.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_SocketSourceAndSqlClientCommand_IsConfirmedWithoutAnyRealIo()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.Data.SqlClient;
            using System.IO;
            using System.Net.Sockets;
            namespace App;
            public class Orders
            {
                public void Bad()
                {
                    string data = "";
                    {
                        try
                        {
                            using (TcpClient tcp = new TcpClient("host.example.org", 39544))
                            {
                                using (StreamReader reader = new StreamReader(tcp.GetStream()))
                                {
                                    data = reader.ReadLine(); // source
                                }
                            }
                        }
                        catch (IOException) { }
                    }
                    using (SqlConnection connection = new SqlConnection("Server=db"))
                    {
                        connection.Open();
                        using (SqlCommand command = new SqlCommand(null, connection))
                        {
                            command.CommandText = "select * from orders where owner='" + data + "'";
                            int rows = command.ExecuteNonQuery(); // sink
                        }
                    }
                }
            }
            """);

        var verification = await VerifyAsync(program, program.Finding("sql-injection"));

        AssertStatus(VerificationStatus.Confirmed, verification);
        Assert.Equal("select * from orders where owner='osprey' OR '1'='1'", verification.Proof!.Observed);
        Assert.Contains("closed a string literal", verification.Proof.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ParameterisedQuery_IsRefuted()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.Data.SqlClient;
            namespace App;
            public class Orders
            {
                public void Bad()
                {
                    string data = Environment.GetEnvironmentVariable("OWNER"); // source
                    using (SqlConnection connection = new SqlConnection("Server=db"))
                    using (SqlCommand command = new SqlCommand("select * from orders where owner=@owner", connection))
                    {
                        command.Parameters.AddWithValue("@owner", data);
                        command.ExecuteNonQuery(); // sink
                    }
                }
            }
            """);

        var verification = await VerifyAsync(program, program.Finding("sql-injection"));

        AssertStatus(VerificationStatus.Refuted, verification);
        Assert.Contains("none of the 4 payloads reached it", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_PathTraversalThroughHelperMethod_IsConfirmedFromThePublicCaller()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.IO;
            namespace App;
            public class Downloads
            {
                private static string Name() => Console.ReadLine(); // source
                public string Read()
                {
                    var name = Name();
                    return Load(Path.Combine("/srv/uploads", name));
                }
                private string Load(string path) => File.ReadAllText(path); // sink
            }
            """);

        var verification = await VerifyAsync(program, program.Finding("path-injection"));

        AssertStatus(VerificationStatus.Confirmed, verification);
        Assert.Contains("App.Downloads.Read()", verification.Proof!.EntryPoint, StringComparison.Ordinal);
        Assert.Contains("/etc/passwd", verification.Proof.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FileNameStrippedBeforeCombining_IsRefuted()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.IO;
            namespace App;
            public class Downloads
            {
                public string Read(string name) // source
                {
                    return File.ReadAllText(Path.Combine("/srv/uploads", Path.GetFileName(name))); // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, program.Finding("path-injection"));

        AssertStatus(VerificationStatus.Refuted, verification);
        Assert.Contains("neutralised", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_HardcodedValueAtTheSource_IsRefutedNeverConfirmed()
    {
        var program = ScannedProgram.Of("""
            using System.Diagnostics;
            namespace App;
            public class Job
            {
                public void GoodG2B()
                {
                    string data;
                    data = "foo"; // source
                    Process.Start("/bin/ls " + data); // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, program.Finding("command-injection"));

        AssertStatus(VerificationStatus.Refuted, verification);
    }

    [Fact]
    public async Task VerifyAsync_AspNetCoreActionWritingTheParameterAsHtml_IsConfirmedWithACurlReplay()
    {
        var program = ScannedProgram.Of("""
            using Microsoft.AspNetCore.Mvc;
            namespace App;
            public class SearchController : Controller
            {
                [HttpGet("/search")]
                public IActionResult Search(string q) // source
                {
                    return Content("<h1>Results for " + q + "</h1>", "text/html"); // sink
                }
            }
            """, aspNetCore: true);
        var entry = new EntryPoint { Kind = EntryPointKind.Http, Name = "GET /search", HttpMethod = "GET", Route = "/search" };
        var finding = program.Finding("xss", entry) with { Properties = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("sourceParameter", "q") };

        var verification = await VerifyAsync(program, finding);

        AssertStatus(VerificationStatus.Confirmed, verification);
        Assert.Equal("GET /search", verification.Proof!.EntryPoint);
        Assert.Equal("curl", verification.Proof.Replay!.Kind);
        Assert.Contains("curl -i -G 'http://localhost:5000/search' --data-urlencode q='<script>osprey(1)</script>'", verification.Proof.Replay.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_HarnessThatHangsBeforeTheSink_IsUnverifiedWithTheTimeout()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.Diagnostics;
            namespace App;
            public class Job
            {
                public void Run()
                {
                    string data = Console.ReadLine(); // source
                    while (data != null) { }
                    Process.Start("/bin/ls " + data); // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, program.Finding("command-injection"), TimeSpan.FromSeconds(3));

        AssertStatus(VerificationStatus.Unverified, verification);
        Assert.Contains("did not finish", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_SinkLineWithoutACall_IsUnverifiedWithTheReason()
    {
        var program = ScannedProgram.Of("""
            using System;
            namespace App;
            public class Job
            {
                public void Run()
                {
                    string data = Console.ReadLine(); // source
                    int length = 3; // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, program.Finding("command-injection"));

        AssertStatus(VerificationStatus.Unverified, verification);
        Assert.Contains("no harness could be built: no sink call", verification.Reason, StringComparison.Ordinal);
    }
}
