namespace ShopApp.Models;

public sealed class Ticket
{
    public int Id { get; set; }
    public string OwnerEmail { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string Status { get; set; } = "new";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>Body of <c>POST /api/tickets</c>.</summary>
public sealed class TicketRequest
{
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}
