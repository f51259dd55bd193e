namespace Osprey.CSharp.Tests.Misuse;

public sealed class HardcodedCredentialTests
{
    [Fact]
    public async Task NetworkCredential_LiteralPassword_Reported()
    {
        const string Source = """
            using System.Net;
            public class Mailer
            {
                public ICredentials Credentials() => new NetworkCredential("mailer", "S3cret!Pass"); // here
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/hardcoded-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
        Assert.Equal([798, 259, 321], finding.Cwes.ToArray());
    }

    [Fact]
    public async Task PasswordField_AndConnectionString_Reported()
    {
        const string Source = """
            public class Settings
            {
                private const string AdminPassword = "hunter2"; // field
                public string ConnectionString { get; } = "Server=db;User Id=sa;Password=Pa55word;"; // connection
            }
            """;

        var findings = (await MisuseHarness.AnalyzeAsync(Source)).Where(f => f.RuleId == "cs/hardcoded-credentials").Select(f => f.Location.StartLine).Order();

        Assert.Equal([MisuseHarness.LineOf(Source, "// field"), MisuseHarness.LineOf(Source, "// connection")], findings);
    }

    [Fact]
    public async Task SymmetricKeyFromLiteral_Reported()
    {
        const string Source = """
            using System.Security.Cryptography;
            using System.Text;
            public class Tokens
            {
                public byte[] Sign(byte[] data)
                {
                    using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("my-signing-key-123")); // here
                    return hmac.ComputeHash(data);
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/hardcoded-credentials");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task CredentialsFromConfiguration_AndPasswordLabels_NotReported()
    {
        const string Source = """
            using System.Net;
            public class Mailer(Func<string, string> config)
            {
                private const string PasswordFieldName = "password";
                public string PasswordPrompt { get; } = "Enter your password";
                public ICredentials Credentials() => new NetworkCredential(config("Smtp:User"), config("Smtp:Password"));
                public string Empty() { var password = ""; return password; }
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/hardcoded-credentials");
    }
}
