namespace ShopApp.Services.Exporters;

/// <summary>Creates the exporter named in the report settings, e.g. "ShopApp.Services.Exporters.CsvReportExporter".</summary>
public sealed class ExporterFactory
{
    public IReportExporter Create(string exporterType)
    {
        return (IReportExporter)Activator.CreateInstance(Type.GetType(exporterType, throwOnError: true)!)!; // VULN V13
    }
}
