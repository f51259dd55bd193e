namespace ShopApp.Models;

public sealed class Order
{
    public int Id { get; set; }
    public string CustomerEmail { get; set; } = "";
    public string Status { get; set; } = "open";
    public decimal Total { get; set; }
    public DateTime CreatedUtc { get; set; }
}
