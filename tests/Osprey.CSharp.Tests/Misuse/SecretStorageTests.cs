namespace Osprey.CSharp.Tests.Misuse;

/// <summary>The contents of a SecureString written out in clear: file, registry, cookie, socket.</summary>
public sealed class SecretStorageTests
{
    [Fact]
    public async Task SecureStringOfConsoleInputWrittenToFile_Reported()
    {
        const string Source = """
            using System.Security;
            public class Store
            {
                public void Save()
                {
                    var data = Console.ReadLine() ?? "";
                    Write(data);
                }

                private static void Write(string data)
                {
                    using var secure = new SecureString();
                    foreach (var c in data) { secure.AppendChar(c); }
                    File.WriteAllText("secret.txt", secure.ToString()); // sink
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/cleartext-storage");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
        Assert.Contains("CWE-313", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecureStringOfEnvironmentVariableStoredInRegistry_Reported()
    {
        const string Source = """
            using System.Security;
            using Microsoft.Win32;
            public class Store
            {
                public void Save(RegistryKey key)
                {
                    var data = Environment.GetEnvironmentVariable("TOKEN") ?? "";
                    using var secure = new SecureString();
                    for (var i = 0; i < data.Length; i++) { secure.AppendChar(data[i]); }
                    key.SetValue("CWE", secure); // sink
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/cleartext-storage");

        Assert.Equal(MisuseHarness.LineOf(Source, "// sink"), finding.Location.StartLine);
        Assert.Contains("CWE-314", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordSecureStringInCookieAndOnPlainSocket_Reported()
    {
        const string Source = """
            using System.Net.Sockets;
            using System.Security;
            using Microsoft.AspNetCore.Http;
            public class Session
            {
                public void Remember(HttpResponse response, TcpClient client, SecureString securePwd)
                {
                    var data = "user:" + securePwd.ToString();
                    response.Cookies.Append("auth", data); // cookie
                    using var writer = new StreamWriter(client.GetStream());
                    writer.WriteLine(data); // socket
                }
            }
            """;

        var findings = await MisuseHarness.AnalyzeAsync(Source);

        Assert.Equal(MisuseHarness.LineOf(Source, "// cookie"), Assert.Single(findings, f => f.RuleId == "cs/cleartext-storage").Location.StartLine);
        Assert.Equal(MisuseHarness.LineOf(Source, "// socket"), Assert.Single(findings, f => f.RuleId == "cs/cleartext-secret-transmission").Location.StartLine);
    }

    [Fact]
    public async Task SecureStringOfConstantOrOfHashStored_NotReported()
    {
        const string Source = """
            using System.Security;
            using System.Security.Cryptography;
            using System.Text;
            public class Store
            {
                public void Constant() => Write("foo");

                public void Hashed()
                {
                    var data = Console.ReadLine() ?? "";
                    data = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes("salt" + data)));
                    Write(data);
                }

                private static void Write(string data)
                {
                    using var secure = new SecureString();
                    foreach (var c in data) { secure.AppendChar(c); }
                    File.WriteAllText("secret.txt", secure.ToString());
                }
            }
            """;

        var findings = await MisuseHarness.AnalyzeAsync(Source);

        Assert.DoesNotContain(findings, f => f.RuleId is "cs/cleartext-storage" or "cs/cleartext-secret-transmission");
    }

    [Fact]
    public async Task ConnectionStringWithPasswordLoggedAndPrinted_Reported()
    {
        const string Source = """
            using System.Data.Common;
            using Microsoft.Extensions.Logging;
            public class Db(ILogger<Db> logger)
            {
                private const string ConnectionString = "Server=db;User ID=sa;Password=P@ssW0rd";

                public void Open(DbConnection connection)
                {
                    try
                    {
                        connection.ConnectionString = ConnectionString;
                        connection.Open();
                    }
                    catch (DbException ex)
                    {
                        logger.LogWarning(ex, "Cannot connect with " + ConnectionString); // log
                        Console.WriteLine("Cannot connect with " + ConnectionString); // console
                    }
                }
            }
            """;

        var findings = (await MisuseHarness.AnalyzeAsync(Source)).Where(f => f.RuleId == "cs/secret-in-output").Select(f => f.Location.StartLine).Order();

        Assert.Equal([MisuseHarness.LineOf(Source, "// log"), MisuseHarness.LineOf(Source, "// console")], findings);
    }

    [Fact]
    public async Task FailureLoggedWithoutTheConnectionString_NotReported()
    {
        const string Source = """
            using System.Data.Common;
            using Microsoft.Extensions.Logging;
            public class Db(ILogger<Db> logger)
            {
                public void Open(DbConnection connection)
                {
                    var connectionString = "Server=db;User ID=sa;Password=P@ssW0rd";
                    try
                    {
                        connection.ConnectionString = connectionString;
                        connection.Open();
                    }
                    catch (DbException ex)
                    {
                        logger.LogWarning(ex, "Cannot connect to the database");
                        Console.WriteLine(ex);
                    }
                }
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/secret-in-output");
    }
}
