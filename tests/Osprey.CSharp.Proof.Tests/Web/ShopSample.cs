namespace Osprey.CSharp.Proof.Tests.Web;

/// <summary>The app the web proof tests drive: every binding source ASP.NET Core has, a minimal API, DI services, a role-protected action and a safe look-alike.</summary>
internal static class ShopSample
{
    public const string Program = """
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Shop;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddSingleton<Diagnostics>();
        builder.Services.AddScoped<IReports, Reports>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        var reports = app.MapGroup("/api/reports");
        reports.MapPost("/run", (string name, IReports runner) => runner.Run(name)); // lambda source
        app.Run();
        """;

    public const string Controllers = """
        using System;
        using System.Text.Encodings.Web;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        public sealed class Order
        {
            public string Note { get; set; } = "";
            public int Quantity { get; set; }
        }

        [ApiController]
        [Route("api/ops")]
        public sealed class OpsController(Diagnostics diagnostics) : ControllerBase
        {
            [HttpPost("ping")]
            [Authorize(Roles = "Admin")]
            public string Ping([FromQuery] string host) // query source
            {
                return diagnostics.Ping(host);
            }

            [HttpPost("trace")]
            public string Trace([FromHeader(Name = "X-Target")] string target) // header source
            {
                return diagnostics.Ping(target);
            }

            [HttpPost("files")]
            public string Read([FromForm] string name) // form source
            {
                return System.IO.File.ReadAllText(System.IO.Path.Combine("/srv/files", name)); // form sink
            }

            [HttpGet("items/{id}")]
            public IActionResult Item([FromRoute] string id) // route source
            {
                return Content("<p>Item " + id + "</p>", "text/html"); // route sink
            }

            [HttpGet("note")]
            public IActionResult Note()
            {
                var note = Request.Cookies["note"]; // cookie source
                return Content("<p>" + note + "</p>", "text/html"); // cookie sink
            }

            [HttpPost("orders")]
            public IActionResult Save([FromBody] Order order) // body source
            {
                return Content("<li>" + order.Note + "</li>", "text/html"); // body sink
            }

            [HttpPost("prefs")]
            public IActionResult Prefs()
            {
                Response.Cookies.Append("theme", "dark", new CookieOptions { Secure = false, HttpOnly = false }); // insecure cookie
                return NoContent();
            }

            [HttpGet("look")]
            public IActionResult Look([FromQuery] string look) // look source
            {
                Response.Cookies.Append("look", look, new CookieOptions { Secure = false, HttpOnly = false }); // look cookie
                return NoContent();
            }

            [HttpPost("session")]
            public IActionResult Session()
            {
                Response.Cookies.Append("sid", "1", new CookieOptions { Secure = true, HttpOnly = true }); // secure cookie
                return NoContent();
            }

            [HttpPost("import")]
            public IActionResult Import([FromForm] string count)
            {
                try
                {
                    return Ok(int.Parse(count));
                }
                catch (Exception ex)
                {
                    return StatusCode(500, ex.ToString()); // error details
                }
            }

            [HttpGet("search")]
            public IActionResult Search([FromQuery] string q) // safe source
            {
                return Content("<h1>" + HtmlEncoder.Default.Encode(q) + "</h1>", "text/html"); // safe sink
            }
        }
        """;

    public const string Services = """
        using System.Diagnostics;

        namespace Shop;

        public sealed class Diagnostics
        {
            public string Ping(string host)
            {
                using var process = Process.Start(new ProcessStartInfo("/bin/sh", "-c \"ping -c 1 " + host + "\"")); // ping sink
                return "sent";
            }
        }

        public interface IReports
        {
            string Run(string name);
        }

        public sealed class Reports : IReports
        {
            public string Run(string name)
            {
                using var process = Process.Start("/usr/bin/report", "--name " + name); // report sink
                return "started";
            }
        }
        """;

    public static ScannedWebApp App() => new(new Dictionary<string, string>
    {
        ["src/Shop/Program.cs"] = Program,
        ["src/Shop/Controllers.cs"] = Controllers,
        ["src/Shop/Services.cs"] = Services,
    });
}
