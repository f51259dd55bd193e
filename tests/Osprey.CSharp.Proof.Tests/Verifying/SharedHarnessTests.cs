using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.CSharp.Proof.Tests.Verifying;

/// <summary>Many findings of one compilation proven with one harness: each run yields the payload only at its own source and records only its own sink.</summary>
public sealed class SharedHarnessTests
{
    private static readonly ScannedProgram BadAndGood = ScannedProgram.Of("""
        using System;
        using System.Diagnostics;
        namespace App;
        public class Listing
        {
            public void Bad()
            {
                string data = Console.ReadLine(); // bad source
                Process.Start("/bin/ls " + data); // bad sink
            }

            public void GoodG2B()
            {
                string data = "foo"; // good source
                Process.Start("/bin/ls " + data); // good sink
            }

            public void AlsoBad()
            {
                string data = Environment.GetEnvironmentVariable("ADD"); // env source
                Process.Start("/bin/ls " + data); // env sink
            }
        }
        """);

    private static CSharpProofVerifier Verifier(ScannedProgram program) => new(new ProofOptions { CompilationProvider = _ => program.Compilation });

    [Fact]
    public async Task VerifyAllAsync_BadAndGoodCaseInOneHarness_ConfirmsTheBadAndRefutesTheGood()
    {
        var findings = new[]
        {
            BadAndGood.Finding("command-injection", "// bad source", "// bad sink"),
            BadAndGood.Finding("command-injection", "// good source", "// good sink"),
            BadAndGood.Finding("command-injection", "// env source", "// env sink"),
        };

        var results = await Verifier(BadAndGood).VerifyAllAsync(ScannedProgram.Context(), findings, CancellationToken.None);

        Assert.Equal([VerificationStatus.Confirmed, VerificationStatus.Refuted, VerificationStatus.Confirmed], results.Select(r => r.Status));
        Assert.Equal("/bin/ls osprey; id", results[0].Proof!.Observed);
        Assert.Contains("AlsoBad", results[2].Proof!.EntryPoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FindingsTheScanReported_AreProvenFromTheSharedHarnessWithTheirOwnOutcome()
    {
        var context = ScannedProgram.Context();
        var bad = BadAndGood.Finding("command-injection", "// bad source", "// bad sink");
        var good = BadAndGood.Finding("command-injection", "// good source", "// good sink");
        context.Report(bad);
        context.Report(good);
        var verifier = Verifier(BadAndGood);

        var results = await Task.WhenAll(
            verifier.VerifyAsync(context, ScannedProgram.Recon, good, CancellationToken.None),
            verifier.VerifyAsync(context, ScannedProgram.Recon, bad, CancellationToken.None));

        Assert.Equal(VerificationStatus.Refuted, results[0].Status);
        Assert.Equal(VerificationStatus.Confirmed, results[1].Status);
    }

    [Fact]
    public async Task VerifyAsync_SourceIsTheListeningSocketsStream_ReplacesTheWholeListenerAndConfirms()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            namespace App;
            public class Listener
            {
                public void Bad()
                {
                    string data = "";
                    TcpListener listener = null;
                    try
                    {
                        listener = new TcpListener(IPAddress.Parse("10.10.1.10"), 39543);
                        listener.Start();
                        using (TcpClient client = listener.AcceptTcpClient())
                        {
                            using (StreamReader reader = new StreamReader(client.GetStream())) // source
                            {
                                data = reader.ReadLine();
                            }
                        }
                    }
                    catch (IOException)
                    {
                    }
                    Process.Start("/bin/ls " + data); // sink
                }
            }
            """);

        var verification = await Verifier(program).VerifyAsync(ScannedProgram.Context(), ScannedProgram.Recon, program.Finding("command-injection"), CancellationToken.None);

        Assert.True(verification.Status == VerificationStatus.Confirmed, verification.Reason);
    }

    [Fact]
    public async Task VerifyAsync_PayloadAppendedToCommandTextWithPlusEquals_IsConfirmedOnTheWholeStatement()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.Data.SqlClient;
            namespace App;
            public class Hits
            {
                public void Bad()
                {
                    string data = Console.ReadLine(); // source
                    using (var command = new SqlCommand())
                    {
                        command.CommandText = "select 1;";
                        command.CommandText += "update users set hits=hits+1 where name='" + data + "';"; // sink
                        command.ExecuteNonQuery();
                    }
                }
            }
            """);

        var verification = await Verifier(program).VerifyAsync(ScannedProgram.Context(), ScannedProgram.Recon, program.Finding("sql-injection"), CancellationToken.None);

        Assert.True(verification.Status == VerificationStatus.Confirmed, verification.Reason);
        Assert.StartsWith("select 1;update users", verification.Proof!.Observed, StringComparison.Ordinal);
    }
}
