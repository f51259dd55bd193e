namespace Osprey.CSharp.Tests.Misuse;

/// <summary>Where the password a library logs in with comes from: a clear-text file, a base64 file, a plain socket.</summary>
public sealed class CredentialSourceTests
{
    [Fact]
    public async Task PasswordReadFromFileIntoConnectionString_ReportedAs256()
    {
        const string Source = """
            using System.Data.Common;
            using System.Text;
            public class Db
            {
                public void Open(DbConnection connection)
                {
                    var password = Encoding.UTF8.GetString(File.ReadAllBytes("db.pwd"));
                    connection.ConnectionString = "Server=db;User ID=sa;Password=" + password; // sink
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/unprotected-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
        Assert.Contains("CWE-256", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Base64PasswordFromFileIntoNetworkCredential_ReportedAs261()
    {
        const string Source = """
            using System.Net;
            using System.Text;
            public class Mail
            {
                public ICredentials Login()
                {
                    using var reader = new StreamReader("mail.pwd");
                    var password = reader.ReadLine() ?? "";
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(password));
                    return new NetworkCredential("mailer", decoded); // sink
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/unprotected-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
        Assert.Contains("CWE-261", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordReceivedOverTcpIntoNetworkCredential_Reported()
    {
        const string Source = """
            using System.Net;
            using System.Net.Sockets;
            public class Remote
            {
                public ICredentials Login(TcpClient client)
                {
                    using var reader = new StreamReader(client.GetStream());
                    return Make(reader.ReadLine() ?? "");
                }

                private static ICredentials Make(string password) => new NetworkCredential("svc", password); // sink
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/cleartext-secret-transmission");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
    }

    [Fact]
    public async Task PasswordDecryptedAfterReadingOrTypedAtTheConsole_NotReported()
    {
        const string Source = """
            using System.Net;
            using System.Security.Cryptography;
            public class Vault(byte[] key, byte[] iv)
            {
                public ICredentials FromFile()
                {
                    var password = File.ReadAllText("mail.pwd");
                    using (var aes = Aes.Create())
                    {
                        var decryptor = aes.CreateDecryptor(key, iv);
                        using var stream = new CryptoStream(new MemoryStream(File.ReadAllBytes("mail.pwd")), decryptor, CryptoStreamMode.Read);
                        using var reader = new StreamReader(stream);
                        password = reader.ReadToEnd();
                    }

                    return new NetworkCredential("mailer", password);
                }

                public ICredentials FromConsole() => new NetworkCredential("mailer", Console.ReadLine());
            }
            """;

        var findings = await MisuseHarness.AnalyzeAsync(Source);

        Assert.DoesNotContain(findings, f => f.RuleId is "cs/unprotected-credentials" or "cs/cleartext-secret-transmission");
    }
}
