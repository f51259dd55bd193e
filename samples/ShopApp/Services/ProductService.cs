using ShopApp.Data;
using ShopApp.Models;

namespace ShopApp.Services;

public sealed class ProductService(ProductRepository products)
{
    public IReadOnlyList<Product> Search(string query)
    {
        var term = query.Trim();
        return term.Length == 0 ? [] : products.SearchByName(term);
    }

    public Product? BySku(string sku) => products.FindBySku(sku);

    public IReadOnlyList<Product> InCategory(int categoryId) => products.ListByCategory(categoryId);

    public IReadOnlyList<Product> All() => products.ListAll();

    public IReadOnlyList<Product> Export(string? supplier) => products.ExportRows(supplier);

    /// <summary>Picks a few products for the home page carousel; the order only needs to look varied.</summary>
    public IReadOnlyList<Product> Featured(int count)
    {
        var pool = products.ListAll().ToList();
        var picked = new List<Product>();
        while (picked.Count < count && pool.Count > 0)
        {
            var index = Random.Shared.Next(pool.Count); // SAFE S12
            picked.Add(pool[index]);
            pool.RemoveAt(index);
        }

        return picked;
    }
}
