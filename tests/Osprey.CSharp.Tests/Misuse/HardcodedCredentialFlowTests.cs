namespace Osprey.CSharp.Tests.Misuse;

/// <summary>A literal that reaches a library's password or key through locals, calls, fields and collections.</summary>
public sealed class HardcodedCredentialFlowTests
{
    [Fact]
    public async Task LiteralPassedThroughHelperIntoNetworkCredential_Reported()
    {
        const string Source = """
            using System.Net;
            public class Mailer
            {
                public ICredentials Login() { var data = "7e5tc4s3"; return Make(data); }
                private static ICredentials Make(string data) => new NetworkCredential("user", data, "domain"); // sink
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/hardcoded-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
    }

    [Fact]
    public async Task LiteralInListIntoConnectionStringPassword_Reported()
    {
        const string Source = """
            using System.Data.Common;
            public class Db
            {
                public void Open(DbConnection connection)
                {
                    var items = new List<string>();
                    items.Add("Pa55word");
                    Use(connection, items);
                }

                private static void Use(DbConnection connection, List<string> items)
                {
                    var data = items[0];
                    connection.ConnectionString = "Server=db;User ID=sa;Password=" + data; // sink
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/hardcoded-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
    }

    [Fact]
    public async Task StaticFieldWrittenByTwoCallers_OnlyTheLiteralPathReported()
    {
        const string Source = """
            using System.Net;
            public class Holder
            {
                public static string Data = "";
                public void Hardcoded() { Data = "7e5tc4s3"; Sinks.First(); }
                public void FromConsole() { Data = Console.ReadLine() ?? ""; Sinks.Second(); }
            }

            public static class Sinks
            {
                public static ICredentials First() => new NetworkCredential("user", Holder.Data); // first
                public static ICredentials Second() => new NetworkCredential("user", Holder.Data); // second
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/hardcoded-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// first"), finding.Location.StartLine);
    }

    [Fact]
    public async Task KeyFromLiteralThroughGetBytesIntoCreateEncryptor_Reported()
    {
        const string Source = """
            using System.Security.Cryptography;
            using System.Text;
            public class Vault
            {
                private readonly string _key = "23 ~j;asn!@#/>as";
                public ICryptoTransform Encryptor(Aes aes) => aes.CreateEncryptor(Encoding.UTF8.GetBytes(_key), aes.IV); // sink
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/hardcoded-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
    }

    [Fact]
    public async Task PasswordReadFromConsoleOrLiteralOverwritten_NotReported()
    {
        const string Source = """
            using System.Net;
            using System.Security.Cryptography;
            using System.Text;
            public class Client
            {
                public ICredentials Login()
                {
                    var data = "7e5tc4s3";
                    data = Console.ReadLine() ?? "";
                    return new NetworkCredential("user", data, "domain");
                }

                public ICryptoTransform Encryptor(Aes aes, string configuredKey) => aes.CreateEncryptor(Encoding.UTF8.GetBytes(configuredKey), aes.IV);
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/hardcoded-credentials");
    }

    [Fact]
    public async Task LiteralThroughVirtualCall_OnlyTheCreatedTypesOverrideReported()
    {
        const string Source = """
            using System.Net;
            public abstract class Sink { public abstract ICredentials Use(string data); }
            public sealed class FirstSink : Sink { public override ICredentials Use(string data) => new NetworkCredential("user", data); } // first
            public sealed class SecondSink : Sink { public override ICredentials Use(string data) => new NetworkCredential("user", data); } // second
            public class Caller
            {
                public ICredentials Hardcoded() { Sink sink = new FirstSink(); return sink.Use("7e5tc4s3"); }
                public ICredentials Typed() { Sink sink = new SecondSink(); return sink.Use(Console.ReadLine() ?? ""); }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/hardcoded-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// first"), finding.Location.StartLine);
    }

    [Fact]
    public async Task LiteralWrittenIntoStreamAndReadBack_Reported()
    {
        const string Source = """
            using System.Net;
            using System.Text;
            public class Transfer
            {
                public ICredentials Send()
                {
                    using var stream = new MemoryStream();
                    var bytes = Encoding.UTF8.GetBytes("7e5tc4s3");
                    stream.Write(bytes, 0, bytes.Length);
                    return Receive(stream.ToArray());
                }

                private static ICredentials Receive(byte[] buffer)
                {
                    using var stream = new MemoryStream(buffer);
                    using var reader = new StreamReader(stream);
                    return new NetworkCredential("user", reader.ReadToEnd()); // sink
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/hardcoded-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
    }
}
