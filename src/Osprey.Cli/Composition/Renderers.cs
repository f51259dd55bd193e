using Osprey.Core.Pipeline;
using Osprey.Reporting;
using Osprey.Reporting.Sarif;
using Osprey.Reporting.Text;

namespace Osprey.Cli;

/// <summary>The CLI's view of the report formats Osprey.Reporting provides.</summary>
internal static class Renderers
{
    /// <summary>Format names accepted by <c>--format</c>.</summary>
    public static IEnumerable<string> Names => ReportRenderers.All.Select(r => r.Format);

    /// <summary>The renderer for a format name or alias, or null.</summary>
    public static IReportRenderer? Find(string format) => ReportRenderers.Find(format);

    /// <summary>The renderer to use, with colour for the console view on a terminal.</summary>
    public static IReportRenderer? Create(string format, bool useColor)
    {
        var renderer = Find(format);
        return renderer is ConsoleReportRenderer ? new ConsoleReportRenderer(useColor) : renderer;
    }

    /// <summary>The fingerprints of an earlier SARIF report.</summary>
    public static IReadOnlySet<string> LoadBaseline(string path) => SarifBaseline.LoadFingerprints(path);

    /// <summary>Whether an exception means the baseline is not a readable SARIF file.</summary>
    public static bool IsBaselineFormatError(Exception exception) => exception is ReportFormatException;
}
