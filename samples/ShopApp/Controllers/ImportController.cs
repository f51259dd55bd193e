using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Models;
using ShopApp.Services;

namespace ShopApp.Controllers;

[ApiController]
[Route("api/admin/import")]
[Authorize(Roles = "Admin")]
public sealed class ImportController(CatalogImportService importer, ILogger<ImportController> logger) : ControllerBase
{
    [HttpPost("catalog")]
    public IActionResult Catalog(IFormFile file, [FromQuery] string category)
    {
        try
        {
            using var stream = file.OpenReadStream();
            return Ok(importer.ReadCategory(stream, category));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Catalogue import failed");
            return StatusCode(StatusCodes.Status500InternalServerError, ex.ToString()); // VULN V18
        }
    }

    [HttpPost("catalog/sku")]
    public ActionResult<Product> FindSku(IFormFile file, [FromQuery] string sku)
    {
        using var stream = file.OpenReadStream();
        var product = importer.FindBySku(stream, sku);
        return product is null ? NotFound() : product;
    }
}
