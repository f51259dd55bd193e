namespace ShopApp.Models;

/// <summary>Body of <c>POST /api/orders/search</c>.</summary>
public sealed class OrderFilter
{
    public string? Status { get; set; }
    public int Page { get; set; } = 1;
}
