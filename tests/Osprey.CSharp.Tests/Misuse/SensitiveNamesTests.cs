using Osprey.CSharp.Misuse;

namespace Osprey.CSharp.Tests.Misuse;

public sealed class SensitiveNamesTests
{
    [Theory]
    [InlineData("AdminPassword")]
    [InlineData("DB_PASSWORD")]
    [InlineData("api_key")]
    [InlineData("clientSecret")]
    [InlineData("paSsword")]
    [InlineData("pass_word")]
    public void IsCredential_SecretWordOrPairOfWords_True(string identifier) => Assert.True(SensitiveNames.IsCredential(identifier));

    [Theory]
    [InlineData("userName")]
    [InlineData("passwordLabel")]
    [InlineData("statusCode")]
    [InlineData("")]
    public void IsCredential_NoSecretWord_False(string identifier) => Assert.False(SensitiveNames.IsCredential(identifier));

    [Theory]
    [InlineData("newPin", true)]
    [InlineData("user_pwd", true)]
    [InlineData("mapping", false)]
    [InlineData("count", false)]
    public void IsPassword_ByWords(string identifier, bool expected) => Assert.Equal(expected, SensitiveNames.IsPassword(identifier));
}
