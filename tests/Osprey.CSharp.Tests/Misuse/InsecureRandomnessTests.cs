namespace Osprey.CSharp.Tests.Misuse;

public sealed class InsecureRandomnessTests
{
    [Fact]
    public async Task RandomReturnedAsResetToken_Reported()
    {
        const string Source = """
            public class Tokens
            {
                public string CreateResetToken() => new Random().Next(100000, 1000000).ToString(); // here
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/insecure-randomness");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task RandomCharactersBuiltIntoPassword_Reported()
    {
        const string Source = """
            using System.Text;
            public class Generator
            {
                private readonly Random _random = new();
                public void Reset(Action<string> save)
                {
                    const string chars = "abcdefghijklmnopqrstuvwxyz0123456789";
                    var builder = new StringBuilder();
                    for (var i = 0; i < 12; i++)
                    {
                        builder.Append(chars[_random.Next(chars.Length)]); // here
                    }

                    var newPassword = builder.ToString();
                    save(newPassword);
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/insecure-randomness");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task RandomSharedShufflingAList_NotReported()
    {
        const string Source = """
            public class Carousel
            {
                public List<string> Featured(List<string> products, int count)
                {
                    var pool = products.ToList();
                    var picked = new List<string>();
                    while (picked.Count < count && pool.Count > 0)
                    {
                        var index = Random.Shared.Next(pool.Count);
                        picked.Add(pool[index]);
                        pool.RemoveAt(index);
                    }

                    var delayMs = new Random().Next(100, 500);
                    return picked;
                }
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/insecure-randomness");
    }

    [Fact]
    public async Task CryptographicRandomToken_NotReported()
    {
        const string Source = """
            using System.Security.Cryptography;
            public class Tokens
            {
                public string CreateApiToken() => RandomNumberGenerator.GetHexString(40, lowercase: true);
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/insecure-randomness");
    }
}
