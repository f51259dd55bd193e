namespace ShopApp.Models;

public sealed class Product
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public int CategoryId { get; set; }
    public string Supplier { get; set; } = "";
    public decimal Price { get; set; }
    public string? ImageUrl { get; set; }
}
