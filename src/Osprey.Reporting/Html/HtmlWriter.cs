using System.Globalization;
using System.Text;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Html;

/// <summary>
/// Streams one HTML report. Each section is built in a reused <see cref="StringBuilder"/> and
/// written out before the next, so memory stays flat however many findings there are. Findings are
/// in <c>HtmlWriter.Finding.cs</c>, diagnostics and rules in <c>HtmlWriter.Appendix.cs</c>.
/// </summary>
internal sealed partial class HtmlWriter
{
    private readonly TextWriter _output;
    private readonly ScanReport _report;
    private readonly RuleIndex _rules;
    private readonly ReportSummary _summary;
    private readonly StringBuilder _html = new(16 * 1024);

    public HtmlWriter(TextWriter output, ScanReport report)
    {
        _output = output;
        _report = report;
        _rules = new RuleIndex(report);
        _summary = new ReportSummary(report);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        WriteHead();
        WriteHeader();
        WriteSummary();
        WriteFilters();
        await FlushAsync(cancellationToken).ConfigureAwait(false);

        foreach (var finding in _report.Findings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteFinding(finding);
            if (_html.Length >= 32 * 1024)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        _html.Append("</ol>\n<p id=\"no-match\" class=\"empty\" hidden>No findings match the filters.</p>\n");
        if (_report.Findings.IsDefaultOrEmpty)
        {
            _html.Append("<p class=\"empty\">No findings.</p>\n");
        }

        _html.Append("</section>\n");
        WriteDiagnostics();
        WriteRules();
        _html.Append("</main>\n<script>").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(_html, cancellationToken).ConfigureAwait(false);
        _html.Clear();
    }

    private void WriteHead()
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlAssets.ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Encode($"Osprey report: {TargetName()}")).Append("</title>\n")
            .Append("<style>").Append(HtmlAssets.Css).Append("</style>\n</head>\n<body>\n");
    }

    private void WriteHeader()
    {
        _html.Append("<header>\n<h1>Osprey report</h1>\n<dl class=\"meta\">\n");
        Meta("Target", $"{_report.Target.Path} ({ReportNames.Of(_report.Target.Kind)})");
        Meta("Started", ReportText.Time(_report.StartedAt));
        Meta("Duration", ReportText.Duration(_report.Duration));
        Meta("Files", _report.FileCount.ToString(CultureInfo.InvariantCulture));
        Meta("Tool", $"{_report.Tool.Name} {_report.Tool.Version}");
        if (_report.SuppressedByBaseline > 0)
        {
            Meta("Baseline", $"{_report.SuppressedByBaseline} known findings left out");
        }

        var failed = _report.Engines.Where(e => e.Outcome == EngineOutcome.Failed).Select(e => e.Name).ToList();
        if (failed.Count > 0)
        {
            Meta("Engine failures", string.Join(", ", failed) + " (see Diagnostics)");
        }

        _html.Append("</dl>\n</header>\n<main>\n");
    }

    private void Meta(string name, string value) =>
        _html.Element("dt", name).Element("dd", value).Append('\n');

    private void WriteSummary()
    {
        _html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"cards\">\n");
        foreach (var severity in ReportNames.SeveritiesWorstFirst)
        {
            var name = severity.ToName();
            _html.Append("<li><span class=\"n\">").Append(_summary.Count(severity).ToString(CultureInfo.InvariantCulture))
                .Append("</span><span class=\"sev sev-").Append(name).Append("\">").Append(name).Append("</span></li>\n");
        }

        foreach (var status in (ReadOnlySpan<VerificationStatus>)[VerificationStatus.Confirmed, VerificationStatus.Unverified, VerificationStatus.Refuted])
        {
            var name = ReportNames.Of(status);
            _html.Append("<li><span class=\"n\">").Append(_summary.Count(status).ToString(CultureInfo.InvariantCulture))
                .Append("</span><span class=\"status status-").Append(name).Append("\">").Append(name).Append("</span></li>\n");
        }

        _html.Append("</ul>\n</section>\n");
    }

    private void WriteFilters()
    {
        _html.Append("<section id=\"findings\">\n<h2>Findings (").Append(_summary.Total.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n")
            .Append("<div class=\"filters\" role=\"search\">\n")
            .Append("<label>Severity <select id=\"filter-severity\"><option value=\"\">all</option>");
        foreach (var severity in ReportNames.SeveritiesWorstFirst)
        {
            _html.Append("<option>").Append(severity.ToName()).Append("</option>");
        }

        _html.Append("</select></label>\n<label>Rule <select id=\"filter-rule\"><option value=\"\">all</option>");
        foreach (var rule in _rules.Rules)
        {
            _html.Append("<option value=\"").Append(HtmlText.Encode(rule.Id)).Append("\">").Append(HtmlText.Encode(rule.Id)).Append("</option>");
        }

        _html.Append("</select></label>\n<label>Status <select id=\"filter-status\"><option value=\"\">all</option>")
            .Append("<option>confirmed</option><option>unverified</option><option>refuted</option></select></label>\n")
            .Append("<input id=\"filter-text\" type=\"search\" placeholder=\"Search title, file, message, code\" aria-label=\"Search findings\">\n")
            .Append("<button id=\"expand-all\" type=\"button\">Expand all</button><button id=\"collapse-all\" type=\"button\">Collapse all</button>\n")
            .Append("<span id=\"filter-count\" class=\"count\"></span>\n</div>\n<ol id=\"finding-list\" class=\"findings\">\n");
    }

    private string TargetName()
    {
        var name = Path.GetFileName(_report.Target.Path.TrimEnd('/', '\\'));
        return string.IsNullOrEmpty(name) ? _report.Target.Path : name;
    }
}
