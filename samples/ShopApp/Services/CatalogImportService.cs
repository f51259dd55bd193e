using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using ShopApp.Models;

namespace ShopApp.Services;

/// <summary>Reads supplier catalogues (XML) uploaded by an administrator.</summary>
public sealed class CatalogImportService
{
    public IReadOnlyList<Product> ReadCategory(Stream xml, string category)
    {
        var document = Load(xml);
        var nodes = document.SelectNodes("/catalog/product[@category='" + category + "']"); // VULN V11
        var products = new List<Product>();
        foreach (XmlElement node in nodes!)
        {
            products.Add(ToProduct(node));
        }

        return products;
    }

    public Product? FindBySku(Stream xml, string sku)
    {
        if (!Regex.IsMatch(sku, "^[a-zA-Z0-9]+$"))
        {
            throw new ArgumentException("A SKU is letters and digits only.", nameof(sku));
        }

        var document = Load(xml);
        var node = document.SelectSingleNode("/catalog/product[@sku='" + sku + "']"); // SAFE S09
        return node is XmlElement element ? ToProduct(element) : null;
    }

    private static XmlDocument Load(Stream xml)
    {
        var document = new XmlDocument { XmlResolver = null };
        document.Load(xml);
        return document;
    }

    private static Product ToProduct(XmlElement node)
    {
        return new Product
        {
            Sku = node.GetAttribute("sku"),
            Name = node.GetAttribute("name"),
            Supplier = node.GetAttribute("supplier"),
            Price = decimal.Parse(node.GetAttribute("price"), CultureInfo.InvariantCulture),
        };
    }
}
