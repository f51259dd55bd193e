namespace Osprey.CSharp.Tests.Misuse;

public sealed class WeakCryptoTests
{
    [Fact]
    public async Task Md5OfPassword_ReportedAsHighSeverityWeakHash()
    {
        const string Source = """
            using System.Security.Cryptography;
            using System.Text;
            public class Hasher
            {
                public string Hash(string password) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(password))); // here
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/weak-hash");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
        Assert.Equal(Osprey.Core.Findings.Severity.High, finding.Severity);
    }

    [Fact]
    public async Task Sha256AndPbkdf2_NotReported()
    {
        const string Source = """
            using System.Security.Cryptography;
            public class Hasher
            {
                public byte[] Hash(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
                public byte[] Digest(byte[] data) => SHA256.HashData(data);
                public byte[] FileId(byte[] data) => SHA1.HashData(data);
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/weak-hash");
    }

    [Fact]
    public async Task Sha1ForKeyDerivation_Reported()
    {
        const string Source = """
            using System.Security.Cryptography;
            public class Keys
            {
                public byte[] Derive(string secret, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(secret, salt, 1000, HashAlgorithmName.SHA1, 32); // here
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/weak-hash");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task DesAndEcbMode_Reported()
    {
        const string Source = """
            using System.Security.Cryptography;
            public class Legacy
            {
                public ICryptoTransform Old() => DES.Create().CreateEncryptor(); // des
                public ICryptoTransform Ecb(byte[] key)
                {
                    var aes = Aes.Create();
                    aes.Key = key;
                    aes.Mode = CipherMode.ECB; // ecb
                    return aes.CreateEncryptor();
                }
            }
            """;

        var lines = (await MisuseHarness.AnalyzeAsync(Source)).Where(f => f.RuleId == "cs/weak-cipher").Select(f => f.Location.StartLine).Order();

        Assert.Equal([MisuseHarness.LineOf(Source, "// des"), MisuseHarness.LineOf(Source, "// ecb")], lines);
    }

    [Fact]
    public async Task AesGcm_NotReported()
    {
        const string Source = """
            using System.Security.Cryptography;
            public class Modern
            {
                public void Encrypt(byte[] key, byte[] nonce, byte[] plain, byte[] cipher, byte[] tag)
                {
                    using var aes = new AesGcm(key, 16);
                    aes.Encrypt(nonce, plain, cipher, tag);
                    using var cbc = Aes.Create();
                    cbc.Mode = CipherMode.CBC;
                }
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/weak-cipher");
    }
}
