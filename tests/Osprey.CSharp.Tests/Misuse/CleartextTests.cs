namespace Osprey.CSharp.Tests.Misuse;

public sealed class CleartextTests
{
    [Fact]
    public async Task HttpUrlSentWithHttpClient_Reported()
    {
        const string Source = """
            public class Orders(HttpClient http)
            {
                public Task<HttpResponseMessage> Send(string order)
                {
                    var url = new Uri("http://orders.example.com/new"); // here
                    return http.PostAsync(url, new StringContent(order));
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/cleartext-transmission");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task HttpGetWithCredentials_Reported()
    {
        const string Source = """
            using System.Net;
            public class Feed
            {
                public string Read(string user, string password)
                {
                    using var client = new WebClient();
                    client.Credentials = new NetworkCredential(user, password);
                    return client.DownloadString("http://feed.example.com/private"); // here
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/cleartext-transmission");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task HttpGetOfFixedUrlWithoutCredentials_NotReported()
    {
        const string Source = """
            public class Rates(HttpClient http)
            {
                public Task<string> Get() => http.GetStringAsync("http://rates.example.com/today");
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/cleartext-transmission");
    }

    [Fact]
    public async Task HttpsAndLoopbackUrls_NotReported()
    {
        const string Source = """
            public class Rates(HttpClient http)
            {
                public Task<string> Get() => http.GetStringAsync("https://rates.example.com/today");
                public Task<string> Local() => http.GetStringAsync("http://localhost:5000/health");
                public string Link() => "http://example.com/docs";
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/cleartext-transmission");
    }

    [Fact]
    public async Task PasswordWrittenToFileAndLog_Reported()
    {
        const string Source = """
            using Microsoft.Extensions.Logging;
            public class Accounts(ILogger<Accounts> logger)
            {
                public void Register(string user, string password)
                {
                    File.WriteAllText("/tmp/users.txt", user + ":" + password); // file
                    logger.LogInformation("Registered {User} with {Password}", user, password); // log
                }
            }
            """;

        var lines = (await MisuseHarness.AnalyzeAsync(Source)).Where(f => f.RuleId == "cs/cleartext-storage").Select(f => f.Location.StartLine).Order();

        Assert.Equal([MisuseHarness.LineOf(Source, "// file"), MisuseHarness.LineOf(Source, "// log")], lines);
    }

    [Fact]
    public async Task PasswordVariableOverwrittenWithItsHashBeforeStoring_NotReported()
    {
        const string Source = """
            using System.Security.Cryptography;
            using System.Text;
            public class Accounts
            {
                public void Save(string password)
                {
                    var data = password;
                    data = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(data)));
                    File.WriteAllText("/tmp/user.txt", data);
                }
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/cleartext-storage");
    }

    [Fact]
    public async Task HashedPasswordStoredAndPasswordLengthLogged_NotReported()
    {
        const string Source = """
            using System.Security.Cryptography;
            using Microsoft.Extensions.Logging;
            public class Accounts(ILogger<Accounts> logger)
            {
                public void Register(string user, string password, byte[] salt)
                {
                    var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
                    File.WriteAllBytes("/tmp/users.bin", hash);
                    logger.LogInformation("Registered {User}; password has {Length} characters", user, password.Length);
                }
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/cleartext-storage");
    }
}
