using System.Security.Claims;
using Osprey.Server.Dashboard;

namespace Osprey.Server.Tests.Dashboard;

public sealed class OidcClaimMatchTests
{
    private static readonly Guid Org = Guid.Parse("6d1f0c1e-7a53-4d8e-9d0e-2b6f3f0f7a11");

    private static OidcSignInOptions Options(bool requireVerified = true) => new()
    {
        Authority = "https://login.example.org",
        ClientId = "osprey",
        RequireVerifiedEmail = requireVerified,
        Mappings =
        [
            new OidcRoleMapping("groups", "osprey-operators", "operator"),
            new OidcRoleMapping("email", "Alice@Example.org", "org-admin", Org),
            new OidcRoleMapping("email", "*@example.org", "viewer", Org),
        ],
    };

    private static ClaimsPrincipal Person(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Theory]
    [InlineData("alice@example.org", "org-admin")]
    [InlineData("ALICE@EXAMPLE.ORG", "org-admin")]
    [InlineData("bob@example.org", "viewer")]
    [InlineData("bob@sub.example.org", null)]
    [InlineData("bob@evil@example.org", null)]
    [InlineData("bob@example.org.evil", null)]
    public void Find_VerifiedEmail_MatchesExactlyOrByWholeDomain(string email, string? role)
    {
        var match = OidcClaimMatch.Find(Person(("email", email), ("email_verified", "true")), Options());

        Assert.Equal(role, match?.Role);
    }

    [Fact]
    public void Find_UnverifiedEmail_MatchesOnlyWhenVerificationIsNotRequired()
    {
        var person = Person(("email", "alice@example.org"), ("email_verified", "false"));

        Assert.Equal((null, "org-admin"), (OidcClaimMatch.Find(person, Options())?.Role, OidcClaimMatch.Find(person, Options(requireVerified: false))?.Role));
    }

    [Fact]
    public void Find_AnyValueOfAMultiValuedClaim_MatchesAndTheFirstMappingWins()
    {
        var person = Person(("groups", "staff"), ("groups", "osprey-operators"), ("email", "alice@example.org"), ("email_verified", "true"));

        Assert.Equal("operator", OidcClaimMatch.Find(person, Options())?.Role);
    }

    [Fact]
    public void Validate_BadOptions_ListsEveryProblem()
    {
        var options = new OidcSignInOptions
        {
            Authority = "http://login.example.org",
            ClientId = " ",
            Mappings = [new OidcRoleMapping("email", "a@b.c", "admin", Org), new OidcRoleMapping("groups", "ops", "operator", Org), new OidcRoleMapping("email", "x@y.z", "viewer")],
        };

        Assert.Equal(
        [
            "The OIDC authority 'http://login.example.org' must be an absolute https URL (http only on loopback).",
            "The OIDC client id is required.",
            "OIDC mapping 1: role 'admin' is not one of org-admin, analyst, viewer, operator.",
            "OIDC mapping 2: an operator mapping names no organisation (operators belong to the operators' organisation).",
            "OIDC mapping 3: an organisation id is required.",
        ], options.Validate());
        Assert.Empty(Options().Validate());
        Assert.Contains("at least one claim mapping", Assert.Single(new OidcSignInOptions { Authority = "http://127.0.0.1:5000", ClientId = "c" }.Validate()), StringComparison.Ordinal);
    }
}
