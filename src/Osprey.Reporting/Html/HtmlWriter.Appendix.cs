using System.Globalization;
using Osprey.Core.Scanning;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Html;

internal sealed partial class HtmlWriter
{
    private void WriteDiagnostics()
    {
        _html.Append("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n<h3>Engines</h3>\n");
        if (_report.Engines.IsDefaultOrEmpty)
        {
            _html.Append("<p class=\"empty\">No engine ran.</p>\n");
        }
        else
        {
            _html.Append("<table>\n<thead><tr><th>Engine</th><th>Outcome</th><th>Duration</th><th>Findings</th><th>Error</th></tr></thead>\n<tbody>\n");
            foreach (var engine in _report.Engines)
            {
                _html.Append("<tr>").Element("td", engine.Name)
                    .Element("td", ReportNames.Of(engine.Outcome), engine.Outcome == EngineOutcome.Failed ? "level-error" : null)
                    .Element("td", ReportText.Duration(engine.Duration))
                    .Element("td", engine.Findings.ToString(CultureInfo.InvariantCulture))
                    .Element("td", engine.Error).Append("</tr>\n");
            }

            _html.Append("</tbody>\n</table>\n");
        }

        _html.Append("<h3>Scan diagnostics (").Append(_report.Diagnostics.Length.ToString(CultureInfo.InvariantCulture)).Append(")</h3>\n");
        if (_report.Diagnostics.IsDefaultOrEmpty)
        {
            _html.Append("<p class=\"empty\">None: every file was read and every stage finished.</p>\n");
        }
        else
        {
            _html.Append("<table>\n<thead><tr><th>Level</th><th>Code</th><th>File</th><th>Source</th><th>Message</th></tr></thead>\n<tbody>\n");
            foreach (var diagnostic in _report.Diagnostics)
            {
                var level = ReportNames.Of(diagnostic.Level);
                _html.Append("<tr>").Element("td", level, "level-" + level)
                    .Element("td", diagnostic.Code).Element("td", diagnostic.FilePath)
                    .Element("td", diagnostic.Source).Element("td", diagnostic.Message).Append("</tr>\n");
            }

            _html.Append("</tbody>\n</table>\n");
        }

        if (!_report.Statistics.IsEmpty)
        {
            _html.Append("<h3>Statistics</h3>\n<table>\n<tbody>\n");
            foreach (var (name, value) in _report.Statistics)
            {
                _html.Append("<tr>").Element("th", name).Element("td", value.ToString(CultureInfo.InvariantCulture)).Append("</tr>\n");
            }

            _html.Append("</tbody>\n</table>\n");
        }

        _html.Append("</section>\n");
    }

    private void WriteRules()
    {
        _html.Append("<section id=\"rules\">\n<h2>Rules</h2>\n");
        for (var i = 0; i < _rules.Rules.Count; i++)
        {
            var rule = _rules.Rules[i];
            _html.Append("<article id=\"rule-").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\">\n")
                .Append("<h3>").Element("code", rule.Id).Append(' ').Append(HtmlText.Encode(rule.ShortDescription)).Append("</h3>\n")
                .Element("p", rule.FullDescription).Append('\n');
            if (!rule.Cwes.IsDefaultOrEmpty)
            {
                _html.Append("<p>");
                foreach (var cwe in rule.Cwes)
                {
                    _html.Append("<a href=\"").Append(CweLinks.Url(cwe)).Append("\" rel=\"noopener noreferrer\">").Append(CweLinks.Name(cwe)).Append("</a> ");
                }

                _html.Append("</p>\n");
            }

            // Help is Markdown; it is shown as text rather than rendered, so nothing in it becomes markup.
            _html.Element("pre", rule.Help, "help").Append("\n</article>\n");
        }

        _html.Append("</section>\n");
    }
}
