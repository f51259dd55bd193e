using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Data;
using ShopApp.Models;
using ShopApp.Services;

namespace ShopApp.Controllers;

[ApiController]
[Route("api/tickets")]
[Authorize]
public sealed class TicketsController(ShopDbContext db, AttachmentService attachments) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<Ticket>> Create([FromBody] TicketRequest request)
    {
        var ticket = new Ticket
        {
            OwnerEmail = User.Identity?.Name ?? "",
            Subject = request.Subject,
            Body = request.Body,
            CreatedUtc = DateTime.UtcNow,
        };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return Created($"/api/tickets/{ticket.Id}", ticket);
    }

    /// <summary>Shows the customer how the ticket will look before it is sent.</summary>
    [HttpGet("preview")]
    public IActionResult Preview([FromQuery] string subject, [FromQuery] string body)
    {
        var html = new StringBuilder();
        html.Append("<html><body><article class=\"ticket\">");
        html.Append("<h1>").Append(subject).Append("</h1>");
        html.AppendFormat("<p>{0}</p>", body);
        html.Append("</article></body></html>");
        return Content(html.ToString(), "text/html"); // VULN V06
    }

    [HttpPost("{id:int}/attachments")]
    public ActionResult<IReadOnlyList<string>> UploadAttachments(int id, IFormFile archive)
    {
        using var stream = archive.OpenReadStream();
        return Ok(attachments.ExtractArchive(id, stream));
    }
}
