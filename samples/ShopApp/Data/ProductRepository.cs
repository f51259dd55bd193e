using Microsoft.Data.Sqlite;
using ShopApp.Models;

namespace ShopApp.Data;

/// <summary>Catalogue queries written against ADO.NET for speed.</summary>
public sealed class ProductRepository(SqliteConnectionFactory connections)
{
    public Product? FindBySku(string sku)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Sku, Name, CategoryId, Supplier, Price, ImageUrl FROM Products WHERE Sku = $sku"; // SAFE S01
        command.Parameters.AddWithValue("$sku", sku);
        return ReadAll(command).FirstOrDefault();
    }

    public IReadOnlyList<Product> SearchByName(string term)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Sku, Name, CategoryId, Supplier, Price, ImageUrl FROM Products WHERE Name LIKE '%" + term + "%' ORDER BY Name"; // VULN V01
        return ReadAll(command);
    }

    public IReadOnlyList<Product> ListByCategory(int categoryId)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Sku, Name, CategoryId, Supplier, Price, ImageUrl FROM Products WHERE CategoryId = " + categoryId; // SAFE S04
        return ReadAll(command);
    }

    public IReadOnlyList<Product> ListAll()
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Sku, Name, CategoryId, Supplier, Price, ImageUrl FROM Products ORDER BY Id";
        return ReadAll(command);
    }

    public IReadOnlyList<Product> ExportRows(string? supplier)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        if (FeatureFlags.LegacyExport)
        {
            command.CommandText = "SELECT Id, Sku, Name, CategoryId, Supplier, Price, ImageUrl FROM Products WHERE Supplier = '" + supplier + "'"; // SAFE S08
        }
        else
        {
            command.CommandText = "SELECT Id, Sku, Name, CategoryId, Supplier, Price, ImageUrl FROM Products WHERE $supplier IS NULL OR Supplier = $supplier";
            command.Parameters.AddWithValue("$supplier", (object?)supplier ?? DBNull.Value);
        }

        return ReadAll(command);
    }

    private static List<Product> ReadAll(SqliteCommand command)
    {
        var products = new List<Product>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            products.Add(new Product
            {
                Id = reader.GetInt32(0),
                Sku = reader.GetString(1),
                Name = reader.GetString(2),
                CategoryId = reader.GetInt32(3),
                Supplier = reader.GetString(4),
                Price = reader.GetDecimal(5),
                ImageUrl = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return products;
    }
}
