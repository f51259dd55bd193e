using System.Globalization;
using ShopApp.Models;

namespace ShopApp.Services.Exporters;

public sealed class CsvReportExporter : IReportExporter
{
    public string ContentType => "text/csv";

    public string Export(IEnumerable<Product> products)
    {
        var lines = products.Select(p => string.Join(',', p.Sku, p.Name, p.Price.ToString(CultureInfo.InvariantCulture)));
        return "sku,name,price\n" + string.Join('\n', lines);
    }
}
