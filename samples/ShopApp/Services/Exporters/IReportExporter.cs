using ShopApp.Models;

namespace ShopApp.Services.Exporters;

public interface IReportExporter
{
    string ContentType { get; }

    string Export(IEnumerable<Product> products);
}
