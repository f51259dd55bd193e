using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Dashboard;

/// <summary>
/// Dashboard sign-in through a real OIDC code flow: the server's OpenIdConnect handler against
/// <see cref="TestOidcProvider"/> on loopback, driven by a cookie-keeping client that follows the
/// redirects like a browser.
/// </summary>
public sealed class OidcSignInFixture : IAsyncLifetime
{
    internal OidcSignInTests.Setup Setup { get; private set; } = null!;

    public async Task InitializeAsync() => Setup = await OidcSignInTests.StartAsync();

    public async Task DisposeAsync() => await Setup.DisposeAsync();
}

public sealed class OidcSignInTests(OidcSignInFixture fixture) : IClassFixture<OidcSignInFixture>
{
    private const string OperatorsGroup = "osprey-operators";

    /// <summary>The shared server and provider, with <paramref name="person"/> signing in next.</summary>
    private Setup Shared(Dictionary<string, object> person, bool forged = false)
    {
        fixture.Setup.Provider.NextPerson = person;
        fixture.Setup.Provider.SignWithUnpublishedKey = forged;
        return fixture.Setup;
    }

    internal sealed record Setup(OspreyTestServer Server, TestOidcProvider Provider, Guid Organisation, string AdminKey) : IAsyncDisposable
    {
        public Uri Url(string path) => new(Server.BaseAddress, path);

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    /// <summary>An organisation, then the server restarted with OIDC mapped to it (as an operator would configure it).</summary>
    internal static async Task<Setup> StartAsync(string database = "sqlite")
    {
        var provider = await TestOidcProvider.StartAsync();
        var first = await OspreyTestServer.StartAsync(database);
        var (org, admin) = await first.CreateOrganisationAsync("Single Sign-On Ltd");
        var server = await first.RestartAsync(o => o with
        {
            Oidc = new OidcSignInOptions
            {
                Authority = provider.Issuer,
                ClientId = TestOidcProvider.ClientId,
                ClientSecret = TestOidcProvider.ClientSecret,
                DisplayName = "Test IdP",
                Mappings =
                [
                    new OidcRoleMapping("email", "alice@example.org", "analyst", org, ExploitCleared: true),
                    new OidcRoleMapping("groups", OperatorsGroup, "operator"),
                    new OidcRoleMapping("email", "*@viewers.example.org", "viewer", org),
                    new OidcRoleMapping("email", "*@staff.example.org", "analyst", org),
                ],
            },
        });
        return new Setup(server, provider, org, admin);
    }

    /// <summary>Opens the login page and presses the OIDC button: the whole code flow, redirects followed.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(RedirectBrowser browser, Setup setup)
    {
        var login = await (await browser.GetAsync(setup.Url("/dashboard/login"))).Content.ReadAsStringAsync();
        Assert.Contains("Sign in with Test IdP", login, StringComparison.Ordinal);
        return await browser.PostFormAsync(setup.Url("/dashboard/login/oidc"), new() { ["__osprey_csrf"] = RedirectBrowser.CsrfToken(login, "/dashboard/login/oidc") });
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_MappedEmail_RunsTheCodeFlowIntoACookieSessionWithTheMappedOrganisationAndRole(string database)
    {
        await using var setup = await StartAsync(database);
        using var browser = new RedirectBrowser();

        var landed = await SignInAsync(browser, setup);
        var home = await browser.GetAsync(setup.Url("/dashboard"));

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal(["/dashboard/login", "/dashboard/login/oidc", "/authorize", "/dashboard/signin-oidc", "/dashboard/login/complete"], browser.Visited.Take(5).Select(u => u.AbsolutePath));
        Assert.Equal(setup.Provider.Issuer, browser.Visited[2].GetLeftPart(UriPartial.Authority));
        Assert.Equal(1, setup.Provider.TokensIssued);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("/dashboard", home.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await home.Content.ReadAsStringAsync();
        Assert.Contains("Single Sign-On Ltd", page, StringComparison.Ordinal);
        Assert.Contains("alice@example.org", page, StringComparison.Ordinal);
        var keys = await setup.Server.Client(setup.AdminKey).GetFromJsonAsync<JsonElement[]>("/api/v1/keys");
        var identity = keys!.Single(k => k.GetProperty("prefix").GetString()!.StartsWith("oidc_", StringComparison.Ordinal));
        Assert.Equal(("analyst", true, "OIDC alice@example.org"), (identity.GetProperty("role").GetString(), identity.GetProperty("exploitCleared").GetBoolean(), identity.GetProperty("name").GetString()));
        await using var db = setup.Server.Db();
        var signIn = await db.AuditRecords.SingleAsync(r => r.Kind == AuditKinds.DashboardSignIn);
        Assert.Equal(setup.Organisation, signIn.OrganisationId);
        Assert.Contains("oidc", signIn.Entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnmappedPerson_IsRefusedWithAClearPageAuditedAndGetsNoSession()
    {
        var setup = Shared(new() { ["sub"] = "stranger", ["email"] = "mallory@elsewhere.example", ["email_verified"] = true });
        using var browser = new RedirectBrowser();

        var refused = await SignInAsync(browser, setup);
        var home = await browser.GetAsync(setup.Url("/dashboard"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"sign-in-refused\"", page, StringComparison.Ordinal);
        Assert.Contains("mallory@elsewhere.example is not mapped to any organisation", page, StringComparison.Ordinal);
        Assert.Equal("/dashboard/login", home.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = setup.Server.Db();
        Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKinds.DashboardSignInRefused && r.Entry.Contains("no-mapping")));
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Name.Contains("mallory")));
    }

    [Fact]
    public async Task SignIn_EmailTheProviderHasNotVerified_IsRefused()
    {
        var setup = Shared(new() { ["sub"] = "typed-it", ["email"] = "alice@example.org", ["email_verified"] = false });
        using var browser = new RedirectBrowser();

        var refused = await SignInAsync(browser, setup);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task SignIn_IdTokenSignedWithAKeyNotInTheJwks_IsRefusedAndAudited()
    {
        var setup = Shared(new() { ["sub"] = "person-1", ["email"] = "alice@example.org", ["email_verified"] = true }, forged: true);
        using var browser = new RedirectBrowser();

        var refused = await SignInAsync(browser, setup);
        var home = await browser.GetAsync(setup.Url("/dashboard"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("could not be verified", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/dashboard/login", home.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = setup.Server.Db();
        Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKinds.DashboardSignInRefused && r.Entry.Contains("Signature")));
    }

    [Fact]
    public async Task SignIn_StartedWithoutTheAntiforgeryToken_NeverReachesTheProvider()
    {
        var setup = Shared(new() { ["sub"] = "person-1", ["email"] = "alice@example.org", ["email_verified"] = true });
        using var browser = new RedirectBrowser();
        await browser.GetAsync(setup.Url("/dashboard/login"));

        var forged = await browser.PostFormAsync(setup.Url("/dashboard/login/oidc"), new() { ["unused"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(browser.Visited, u => u.AbsolutePath == "/authorize");
    }

    [Fact]
    public async Task SignIn_GroupMappedToOperator_LandsOnTheOperatorPages()
    {
        var setup = Shared(new() { ["sub"] = "olga", ["email"] = "olga@operators.example", ["email_verified"] = true, ["groups"] = new[] { "staff", OperatorsGroup } });
        using var browser = new RedirectBrowser();

        var landed = await SignInAsync(browser, setup);
        var vetting = await browser.GetAsync(setup.Url("/dashboard/operator"));

        Assert.Equal("/dashboard/login/complete?to=operator", landed.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("url=/dashboard/operator", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "/dashboard/operator"), (vetting.StatusCode, vetting.RequestMessage!.RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task SignIn_IdentityRevokedByTheOrganisationAdmin_EndsTheSessionAndRefusesTheNextSignIn()
    {
        var setup = Shared(new() { ["sub"] = "carol", ["email"] = "carol@staff.example.org", ["email_verified"] = true });
        using var browser = new RedirectBrowser();
        await SignInAsync(browser, setup);
        using var admin = setup.Server.Client(setup.AdminKey);
        var identity = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/keys"))!.Single(k => k.GetProperty("name").GetString() == "OIDC carol@staff.example.org");

        await OspreyTestServer.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/keys/{identity.GetProperty("id")}/revocation", new { reason = "left the team" }), HttpStatusCode.OK);
        var afterRevocation = await browser.GetAsync(setup.Url("/dashboard"));
        var again = await SignInAsync(browser, setup);

        Assert.Equal("/dashboard/login", afterRevocation.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("was revoked", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Problems.AssertAsync(await admin.PostAsync($"/api/v1/keys/{identity.GetProperty("id")}/rotation", null), 409, "key-revoked");
    }

    [Fact]
    public async Task SignIn_InHeadlessChromium_ReachesTheDashboardDespiteTheStrictSessionCookie()
    {
        if (await DashboardBrowserTests.LaunchAsync() is not var (playwright, browser)) return;
        using var _ = playwright;
        await using var __ = browser;
        var setup = Shared(new() { ["sub"] = "person-1", ["email"] = "alice@example.org", ["email_verified"] = true });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(setup.Url("/dashboard/login").ToString());
        await page.ClickAsync("#sign-in-oidc");
        try
        {
            await page.WaitForSelectorAsync("#scans", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the browser ended at {page.Url}: {await page.ContentAsync()}");
        }

        Assert.Equal("/dashboard", new Uri(page.Url).AbsolutePath);
        Assert.Contains("alice@example.org", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
