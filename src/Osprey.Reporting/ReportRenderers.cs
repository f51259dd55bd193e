using Osprey.Core.Pipeline;
using Osprey.Reporting.Html;
using Osprey.Reporting.Json;
using Osprey.Reporting.Markdown;
using Osprey.Reporting.Sarif;
using Osprey.Reporting.Text;

namespace Osprey.Reporting;

/// <summary>Every report format Osprey writes, looked up by the name used on the command line.</summary>
public static class ReportRenderers
{
    /// <summary>
    /// One renderer per format: <c>sarif</c>, <c>json</c>, <c>md</c>, <c>html</c>, <c>text</c>.
    /// The text renderer here writes no colour (it is meant for files and pipes); create a
    /// <see cref="ConsoleReportRenderer"/> yourself for coloured terminal output.
    /// </summary>
    public static IReadOnlyList<IReportRenderer> All { get; } =
    [
        new SarifReportRenderer(),
        new JsonReportRenderer(),
        new MarkdownReportRenderer(),
        new HtmlReportRenderer(),
        new ConsoleReportRenderer(useColor: false),
    ];

    /// <summary>The format names <see cref="Find"/> accepts besides each renderer's own, and what they stand for.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["markdown"] = "md",
        ["console"] = "text",
    };

    /// <summary>
    /// The renderer for <paramref name="format"/> (case-insensitive, surrounding spaces ignored;
    /// <c>markdown</c> means <c>md</c> and <c>console</c> means <c>text</c>), or null if none writes it.
    /// </summary>
    public static IReportRenderer? Find(string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return null;
        }

        var name = format.Trim();
        if (Aliases.TryGetValue(name, out var canonical))
        {
            name = canonical;
        }

        return All.FirstOrDefault(r => string.Equals(r.Format, name, StringComparison.OrdinalIgnoreCase));
    }
}
