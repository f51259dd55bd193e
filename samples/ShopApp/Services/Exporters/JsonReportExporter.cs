using System.Text.Json;
using ShopApp.Models;

namespace ShopApp.Services.Exporters;

public sealed class JsonReportExporter : IReportExporter
{
    public string ContentType => "application/json";

    public string Export(IEnumerable<Product> products) => JsonSerializer.Serialize(products);
}
