using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.CSharp.Proof.Tests.Verifying;

/// <summary>Shapes of Juliet's injection cases that a proof must get through to reach the sink, each in a small program of its own.</summary>
public sealed class JulietShapeTests
{
    private static async Task<Verification> VerifyAsync(ScannedProgram program, string sinkKind)
    {
        var verifier = new CSharpProofVerifier(new ProofOptions { CompilationProvider = _ => program.Compilation });
        var finding = program.Finding(sinkKind);
        Assert.True(verifier.CanVerify(finding));
        return await verifier.VerifyAsync(ScannedProgram.Context(), ScannedProgram.Recon, finding, CancellationToken.None);
    }

    private static void AssertConfirmed(Verification verification) =>
        Assert.True(verification.Status == VerificationStatus.Confirmed, $"expected Confirmed, was {verification.Status}: {verification.Reason}");

    [Fact]
    public async Task VerifyAsync_QueryStringIntoSystemWebStatusDescription_IsConfirmedAsXss()
    {
        var program = ScannedProgram.Of("""
            using System.Web;
            namespace App;
            public class ErrorPage
            {
                public void Bad(HttpRequest req, HttpResponse resp)
                {
                    string data = req.QueryString["id"]; // source
                    resp.StatusCode = 404;
                    resp.StatusDescription = "<br>Bad() - Parameter name has value " + data; // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, "xss");

        AssertConfirmed(verification);
        Assert.Contains("<script>", verification.Proof!.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_TypeNameIntoActivatorCreateInstanceWithNullAssembly_IsConfirmed()
    {
        var program = ScannedProgram.Of("""
            using System;
            namespace App;
            public static class Program
            {
                public static void Main()
                {
                    string data = Console.ReadLine(); // source
                    var container = Activator.CreateInstance(null, data); // sink
                    Console.WriteLine(container.Unwrap());
                }
            }
            """);

        var verification = await VerifyAsync(program, "unsafe-reflection");

        AssertConfirmed(verification);
    }

    [Fact]
    public async Task VerifyAsync_SplitCredentialsIntoXPathOverAMissingXmlFile_IsConfirmed()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.Xml.XPath;
            namespace App;
            public static class Program
            {
                public static void Main()
                {
                    string data = Console.ReadLine(); // source
                    string[] tokens = data.Split("||".ToCharArray());
                    if (tokens.Length < 2)
                    {
                        return;
                    }

                    XPathDocument inputXml = new XPathDocument("../../no-such-osprey-helper.xml");
                    XPathNavigator xPath = inputXml.CreateNavigator();
                    string query = "//users/user[name/text()='" + tokens[0] + "' and pass/text()='" + tokens[1] + "']/secret/text()";
                    string secret = (string)xPath.Evaluate(query); // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, "xpath-injection");

        AssertConfirmed(verification);
        Assert.Contains("name/text()='osprey' or '1'='1'", verification.Proof!.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_InputRoundTrippedThroughBinaryFormatter_ReachesTheSinkAndIsConfirmed()
    {
        var program = ScannedProgram.Of("""
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Runtime.Serialization.Formatters.Binary;
            namespace App;
            public static class Program
            {
                public static void Main()
                {
                    string data = Console.ReadLine(); // source
                    using var stream = new MemoryStream();
                    new BinaryFormatter().Serialize(stream, data);
                    Sinks.Run(stream.ToArray());
                }
            }

            public static class Sinks
            {
                public static void Run(byte[] serialized)
                {
                    string data = (string)new BinaryFormatter().Deserialize(new MemoryStream(serialized));
                    Process.Start("/bin/ls " + data); // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, "command-injection");

        AssertConfirmed(verification);
        Assert.Equal("/bin/ls osprey; id", verification.Proof!.Observed);
    }

    [Fact]
    public async Task VerifyAsync_CommandTextOfACommandLeftNull_IsNotConfirmedAndNamesTheProgramsNullReference()
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
                    SqlCommand badSqlCommand = null;
                    using (SqlConnection connection = new SqlConnection("Server=db"))
                    {
                        badSqlCommand.Connection = connection;
                        badSqlCommand.CommandText += "update users set hits=hits+1 where name='" + data + "';"; // sink
                        badSqlCommand.ExecuteNonQuery();
                    }
                }
            }
            """);

        var verification = await VerifyAsync(program, "sql-injection");

        Assert.Equal(VerificationStatus.Unverified, verification.Status);
        Assert.Contains("NullReferenceException", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_SourceTakenOnlyOnSomeRuns_IsConfirmedOnceARepeatedRunTakesIt()
    {
        // A stand-in for Juliet's IO.StaticReturnsTrueOrFalse(): the first two runs take the fixed branch.
        var program = ScannedProgram.Of("""
            using System;
            using System.IO;
            namespace App;
            public static class Program
            {
                private static int runs;

                public static void Main()
                {
                    string data = "foo";
                    if (runs++ % 3 == 2)
                    {
                        data = Console.ReadLine(); // source
                    }

                    File.ReadAllText("/home/user/uploads/" + data); // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, "path-injection");

        AssertConfirmed(verification);
    }

    [Fact]
    public async Task VerifyAsync_QueryStringIntoAnAppendedCookie_IsConfirmedAsHeaderInjection()
    {
        var program = ScannedProgram.Of("""
            using System.Web;
            namespace App;
            public class Language
            {
                public void Bad(HttpRequest req, HttpResponse resp)
                {
                    string data = req.Params.Get("name"); // source
                    HttpCookie cookieSink = new HttpCookie("lang", data);
                    resp.AppendCookie(cookieSink); // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, "header-injection");

        AssertConfirmed(verification);
        Assert.StartsWith("lang=osprey", verification.Proof!.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_UrlEncodedValueInAnAppendedCookie_IsRefuted()
    {
        var program = ScannedProgram.Of("""
            using System.Text;
            using System.Web;
            namespace App;
            public class Language
            {
                public void Good(HttpRequest req, HttpResponse resp)
                {
                    string data = req.Params.Get("name"); // source
                    HttpCookie cookieSink = new HttpCookie("lang", HttpUtility.UrlEncode(data, Encoding.UTF8));
                    resp.AppendCookie(cookieSink); // sink
                }
            }
            """);

        var verification = await VerifyAsync(program, "header-injection");

        Assert.Equal(VerificationStatus.Refuted, verification.Status);
    }
}
