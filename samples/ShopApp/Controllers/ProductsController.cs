using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Models;
using ShopApp.Services;

namespace ShopApp.Controllers;

[ApiController]
[Route("api/products")]
public sealed class ProductsController(ProductService products) : ControllerBase
{
    [HttpGet("search")]
    public ActionResult<IReadOnlyList<Product>> Search([FromQuery] string q)
    {
        return Ok(products.Search(q));
    }

    [HttpGet("sku/{sku}")]
    public ActionResult<Product> BySku(string sku)
    {
        var product = products.BySku(sku);
        return product is null ? NotFound() : product;
    }

    [HttpGet("category/{categoryId}")]
    public ActionResult<IReadOnlyList<Product>> ByCategory(string categoryId)
    {
        var id = int.Parse(categoryId, CultureInfo.InvariantCulture);
        return Ok(products.InCategory(id));
    }

    [HttpGet("featured")]
    public ActionResult<IReadOnlyList<Product>> Featured()
    {
        return Ok(products.Featured(4));
    }

    [HttpGet("promo")]
    public IActionResult Promo([FromQuery] string title)
    {
        var encoded = HtmlEncoder.Default.Encode(title);
        return Content("<div class=\"promo\"><h2>" + encoded + "</h2><a href=\"/sale\">Shop now</a></div>", "text/html"); // SAFE S07
    }

    [HttpGet("export")]
    [Authorize(Roles = "Admin")]
    public ActionResult<IReadOnlyList<Product>> Export([FromQuery] string? supplier)
    {
        return Ok(products.Export(supplier));
    }
}
