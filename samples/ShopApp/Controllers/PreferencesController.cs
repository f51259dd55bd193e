using Microsoft.AspNetCore.Mvc;

namespace ShopApp.Controllers;

[ApiController]
[Route("api/preferences")]
public sealed class PreferencesController : ControllerBase
{
    [HttpPost("language")]
    public IActionResult SetLanguage([FromQuery] string lang)
    {
        Response.Headers["Content-Language"] = lang; // VULN V10
        return NoContent();
    }
}
