namespace ShopApp.Models;

/// <summary>The anonymous shopping cart, kept client-side in a cookie.</summary>
public sealed class Cart
{
    public List<CartItem> Items { get; set; } = [];

    /// <summary>Free-form data from the storefront (gift wrap, campaign code, ...).</summary>
    public Dictionary<string, object?> Extras { get; set; } = [];
}

public sealed class CartItem
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
}
