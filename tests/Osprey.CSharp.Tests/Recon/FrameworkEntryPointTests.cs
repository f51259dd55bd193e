using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.CSharp.Tests.Loading;

namespace Osprey.CSharp.Tests.Recon;

/// <summary>Entry points of each framework, read from small programs compiled together as loose files.</summary>
public sealed class FrameworkEntryPointTests : IClassFixture<FrameworkEntryPointTests.Fixture>
{
    private readonly ImmutableArray<EntryPoint> _entryPoints;

    public FrameworkEntryPointTests(Fixture fixture) => _entryPoints = fixture.EntryPoints;

    private EntryPoint Handler(string handler) => Assert.Single(_entryPoints, e => e.Handler == handler);

    [Fact]
    public void Recon_ControllerRouteTemplates_AreCombinedWithTokensReplaced()
    {
        var entry = Handler("Api.ItemsController.Get(int)");

        Assert.Equal("GET /api/Items/{id}", entry.Name);
        Assert.Equal(EntryPointKind.Http, entry.Kind);
    }

    [Fact]
    public void Recon_AllowAnonymousOnAction_OverridesAuthorizeOnController()
    {
        Assert.Equal(AuthRequirement.Anonymous, Handler("Api.ItemsController.Catalog()").Auth);
        var admin = Handler("Api.ItemsController.Delete(int)");
        Assert.Equal(AuthRequirement.Privileged, admin.Auth);
        Assert.Equal(["role:Admin", "role:Owner"], admin.Roles);
    }

    [Fact]
    public void Recon_PolicyOnAction_IsPrivilegedAndAntiForgeryIsRecorded()
    {
        var entry = Handler("Api.ItemsController.Update(int, string)");

        Assert.Equal(AuthRequirement.Privileged, entry.Auth);
        Assert.Equal(["policy:CanEdit", "role:Admin", "role:Owner"], entry.Roles); // ASP.NET Core requires both attributes
        Assert.True(entry.AntiForgery);
    }

    [Fact]
    public void Recon_FallbackPolicy_MakesUnattributedActionsAuthenticated()
    {
        Assert.Equal(AuthRequirement.Authenticated, Handler("Api.ReportsController.Daily()").Auth);
    }

    [Fact]
    public void Recon_MinimalApiNestedGroups_CombinePrefixesAndAuthorization()
    {
        var entry = Assert.Single(_entryPoints, e => e.Route == "/v1/admin/users/{id}");

        Assert.Equal("DELETE", entry.HttpMethod);
        Assert.Equal(AuthRequirement.Privileged, entry.Auth);
        Assert.Equal(["policy:AdminOnly"], entry.Roles);
        Assert.Equal(AuthRequirement.Anonymous, Assert.Single(_entryPoints, e => e.Route == "/v1/admin/status").Auth);
    }

    [Fact]
    public void Recon_RazorPageHandler_UsesThePagePathAndValidatesAntiForgeryOnPost()
    {
        var entry = Handler("Pages.Admin.UsersModel.OnPostDeleteAsync(int)");

        Assert.Equal("POST /Admin/Users?handler=Delete", entry.Name);
        Assert.True(entry.AntiForgery);
        Assert.Equal(AuthRequirement.Authenticated, entry.Auth);
    }

    [Fact]
    public void Recon_HubAndGrpcMethods_AreMessageEntryPoints()
    {
        Assert.Equal(EntryPointKind.Message, Handler("Realtime.ChatHub.Send(string)").Kind);
        Assert.Equal(AuthRequirement.Authenticated, Handler("Realtime.ChatHub.Send(string)").Auth);
        Assert.Equal(EntryPointKind.Message, Handler("Rpc.GreeterService.SayHello(string, Grpc.Core.ServerCallContext)").Kind);
    }

    [Fact]
    public void Recon_Mvc5ControllerAndWebFormsPage_AreHttpEntryPoints()
    {
        var action = Handler("Legacy.AccountController.ChangePassword(string)");
        Assert.Equal("POST", action.HttpMethod);
        Assert.Equal(AuthRequirement.Authenticated, action.Auth);
        Assert.True(action.AntiForgery);
        Assert.Equal("/Default.aspx", Handler("Legacy.DefaultPage.Page_Load(object, System.EventArgs)").Route);
    }

    [Fact]
    public void Recon_StaticMain_IsACommandLineEntryPoint()
    {
        Assert.Equal(EntryPointKind.CommandLine, Handler("Tool.Cli.Main(string[])").Kind);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TempTree _tree = new();

        public ImmutableArray<EntryPoint> EntryPoints { get; private set; }

        public async Task InitializeAsync()
        {
            _tree.Write("Api/Items.cs", """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;
                namespace Api;
                [ApiController]
                [Route("api/[controller]")]
                [Authorize(Roles = "Admin,Owner")]
                public class ItemsController : ControllerBase
                {
                    [HttpGet("{id}")] public string Get(int id) => "";
                    [HttpGet("/catalog"), AllowAnonymous] public string Catalog() => "";
                    [HttpDelete("{id}")] public void Delete(int id) { }
                    [HttpPut("{id}"), Authorize(Policy = "CanEdit"), ValidateAntiForgeryToken] public void Update(int id, string name) { }
                }
                public class ReportsController : Controller
                {
                    public string Daily() => "";
                }
                """);
            _tree.Write("Setup.cs", """
                using Microsoft.AspNetCore.Authorization;
                namespace Api;
                public static class Setup
                {
                    public static void Configure(WebApplicationBuilder builder, WebApplication app)
                    {
                        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                        var v1 = app.MapGroup("/v1");
                        var admin = v1.MapGroup("/admin").RequireAuthorization("AdminOnly");
                        admin.MapDelete("/users/{id}", (int id) => Results.NoContent());
                        admin.MapGet("status", () => "ok").AllowAnonymous();
                    }
                }
                """);
            _tree.Write("Pages/Admin/Users.cshtml.cs", """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                namespace Pages.Admin;
                [Authorize]
                public class UsersModel : PageModel
                {
                    public void OnGet() { }
                    public Task<IActionResult> OnPostDeleteAsync(int id) => Task.FromResult<IActionResult>(Page());
                }
                """);
            _tree.Write("Realtime/ChatHub.cs", """
                using Microsoft.AspNetCore.SignalR;
                namespace Realtime;
                public class ChatHub : Hub { public Task Send(string message) => Clients.All.SendAsync("m", message); }
                """);
            _tree.Write("Rpc/Greeter.cs", """
                namespace Grpc.Core { public abstract class ServerCallContext { } }
                namespace Rpc
                {
                    public abstract class GreeterBase { public virtual Task<string> SayHello(string name, Grpc.Core.ServerCallContext context) => Task.FromResult(""); }
                    public class GreeterService : GreeterBase { public override Task<string> SayHello(string name, Grpc.Core.ServerCallContext context) => Task.FromResult("hi " + name); }
                }
                """);
            _tree.Write("Legacy/Mvc5.cs", """
                namespace System.Web.Mvc
                {
                    public abstract class Controller { }
                    public sealed class AuthorizeAttribute : Attribute { }
                    public sealed class HttpPostAttribute : Attribute { }
                    public sealed class ValidateAntiForgeryTokenAttribute : Attribute { }
                }
                namespace System.Web.UI { public class Page { } }
                namespace Legacy
                {
                    using System.Web.Mvc;
                    [Authorize]
                    public class AccountController : Controller
                    {
                        [HttpPost, ValidateAntiForgeryToken] public string ChangePassword(string password) => "";
                    }
                    public partial class DefaultPage : System.Web.UI.Page
                    {
                        protected void Page_Load(object sender, EventArgs e) { }
                    }
                }
                """);
            _tree.Write("Default.aspx.cs", "namespace Legacy; public partial class DefaultPage { }");
            _tree.Write("Tool/Cli.cs", "namespace Tool; public static class Cli { public static int Main(string[] args) => args.Length; }");
            EntryPoints = await ReconHarness.EntryPointsAsync(_tree.Root);
        }

        public Task DisposeAsync()
        {
            _tree.Dispose();
            return Task.CompletedTask;
        }
    }
}
