using System.Collections.Immutable;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Tests.Recon;

/// <summary>The entry points of samples/ShopApp and the authentication GROUND_TRUTH.md lists for each vulnerable one.</summary>
public sealed class ShopAppEntryPointTests : IClassFixture<ShopAppEntryPointTests.Fixture>
{
    private readonly ImmutableArray<EntryPoint> _entryPoints;

    public ShopAppEntryPointTests(Fixture fixture) => _entryPoints = fixture.EntryPoints;

    [Theory]
    [InlineData("V01", "ShopApp.Controllers.ProductsController.Search(string)", "GET", "/api/products/search", AuthRequirement.Anonymous, "")]
    [InlineData("V02", "ShopApp.Controllers.OrdersController.Search(ShopApp.Models.OrderFilter)", "POST", "/api/orders/search", AuthRequirement.Authenticated, "")]
    [InlineData("V03", "ShopApp.Controllers.AdminController.Ping(string)", "POST", "/api/admin/diagnostics/ping", AuthRequirement.Privileged, "role:Admin")]
    [InlineData("V04", "ShopApp.Controllers.InvoicesController.Download(string)", "GET", "/api/invoices/download", AuthRequirement.Authenticated, "")]
    [InlineData("V07", "ShopApp.Controllers.AccountController.Login(string, string, string)", "POST", "/account/login", AuthRequirement.Anonymous, "")]
    [InlineData("V09", "ShopApp.Controllers.AccountController.ForgotPassword(string)", "POST", "/account/forgot-password", AuthRequirement.Anonymous, "")]
    [InlineData("V10", "ShopApp.Controllers.PreferencesController.SetLanguage(string)", "POST", "/api/preferences/language", AuthRequirement.Anonymous, "")]
    [InlineData("V12", "ShopApp.Controllers.CartController.Get()", "GET", "/api/cart", AuthRequirement.Anonymous, "")]
    [InlineData("V18", "ShopApp.Controllers.ImportController.Catalog(Microsoft.AspNetCore.Http.IFormFile, string)", "POST", "/api/admin/import/catalog", AuthRequirement.Privileged, "role:Admin")]
    public void Recon_ShopAppController_HasTheGroundTruthAuthentication(string id, string handler, string verb, string route, AuthRequirement auth, string roles)
    {
        var entry = Assert.Single(_entryPoints, e => e.Handler == handler);

        Assert.True(entry.HttpMethod == verb && entry.Route == route, $"{id}: {entry.Name}");
        Assert.Equal(auth, entry.Auth);
        Assert.Equal(roles, string.Join(",", entry.Roles));
    }

    [Fact]
    public void Recon_ShopAppMinimalApiGroup_CombinesThePrefixAndTheGroupsRole()
    {
        var entry = Assert.Single(_entryPoints, e => e.Route == "/api/images/import");

        Assert.Equal("POST", entry.HttpMethod);
        Assert.Equal(AuthRequirement.Privileged, entry.Auth);
        Assert.Equal(["role:Staff"], entry.Roles);
        Assert.Equal("Program.cs", entry.Location?.FilePath);
    }

    [Fact]
    public void Recon_ShopAppHealthEndpoint_IsAnonymous()
    {
        var entry = Assert.Single(_entryPoints, e => e.Route == "/health");

        Assert.Equal(AuthRequirement.Anonymous, entry.Auth);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public ImmutableArray<EntryPoint> EntryPoints { get; private set; }

        public async Task InitializeAsync() => EntryPoints = await ReconHarness.EntryPointsAsync(ReconHarness.RepositoryFile("samples/ShopApp"));

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
