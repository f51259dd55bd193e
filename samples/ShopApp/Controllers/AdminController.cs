using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Services;
using ShopApp.Services.Exporters;

namespace ShopApp.Controllers;

[ApiController]
[Route("api/admin")]
[Authorize(Roles = "Admin")]
public sealed class AdminController(DiagnosticsService diagnostics, ExporterFactory exporters, ProductService products) : ControllerBase
{
    [HttpPost("diagnostics/ping")]
    public ActionResult<string> Ping([FromQuery] string host)
    {
        return diagnostics.Ping(host);
    }

    [HttpPost("diagnostics/lookup")]
    public ActionResult<string> Lookup([FromQuery] string host)
    {
        return diagnostics.Lookup(host);
    }

    [HttpGet("reports/products")]
    public IActionResult ProductReport([FromQuery] string exporter)
    {
        var instance = exporters.Create(exporter);
        return Content(instance.Export(products.All()), instance.ContentType);
    }
}
