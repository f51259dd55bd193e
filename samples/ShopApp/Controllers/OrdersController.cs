using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Models;
using ShopApp.Services;

namespace ShopApp.Controllers;

[ApiController]
[Route("api/orders")]
[Authorize]
public sealed class OrdersController(OrderService orders) : ControllerBase
{
    [HttpPost("search")]
    public async Task<ActionResult<IReadOnlyList<Order>>> Search([FromBody] OrderFilter filter)
    {
        return Ok(await orders.SearchAsync(filter));
    }

    [HttpGet("history")]
    [Authorize(Roles = "Staff")]
    public async Task<ActionResult<List<Order>>> History([FromQuery] string email)
    {
        return await orders.HistoryAsync(email);
    }
}
