using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ShopApp.Controllers;

[ApiController]
[Route("api/invoices")]
[Authorize]
public sealed class InvoicesController(IWebHostEnvironment environment) : ControllerBase
{
    private readonly string _invoiceDirectory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, "App_Data", "invoices"));

    /// <summary>v1 download link, still used by the e-mails sent before the v2 links.</summary>
    [HttpGet("download")]
    public IActionResult Download([FromQuery] string file)
    {
        var bytes = System.IO.File.ReadAllBytes(Path.Combine(_invoiceDirectory, file)); // VULN V04
        return File(bytes, "application/pdf", "invoice.pdf");
    }

    [HttpGet("v2/{name}")]
    public IActionResult DownloadV2(string name)
    {
        var fileName = Path.GetFileName(name);
        var fullPath = Path.GetFullPath(Path.Combine(_invoiceDirectory, fileName));
        if (!fullPath.StartsWith(_invoiceDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !System.IO.File.Exists(fullPath))
        {
            return NotFound();
        }

        return PhysicalFile(fullPath, "application/pdf", fileName); // SAFE S03
    }
}
