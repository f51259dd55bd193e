using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using ShopApp.Models;

namespace ShopApp.Controllers;

[ApiController]
[Route("api/cart")]
[AllowAnonymous]
public sealed class CartController : ControllerBase
{
    private const string CookieName = "shop_cart";

    // Keeps the concrete types of the values in Cart.Extras across the round trip.
    private static readonly JsonSerializerSettings CartSettings = new() { TypeNameHandling = TypeNameHandling.All };

    [HttpGet]
    public ActionResult<Cart> Get()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var encoded) || string.IsNullOrEmpty(encoded))
        {
            return new Cart();
        }

        var json = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        var cart = JsonConvert.DeserializeObject<Cart>(json, CartSettings); // VULN V12
        return cart ?? new Cart();
    }

    [HttpPost]
    public IActionResult Save([FromBody] Cart cart)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(cart, CartSettings)));
        Response.Cookies.Append(CookieName, encoded, new CookieOptions { HttpOnly = false, Secure = false, MaxAge = TimeSpan.FromDays(30) }); // VULN V17
        return NoContent();
    }
}
