using System.Globalization;
using System.Text;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Markdown;

/// <summary>Builds the Markdown text of one report under a size cap; findings are in <c>MarkdownWriter.Finding.cs</c>.</summary>
internal sealed partial class MarkdownWriter
{
    // Room kept for the truncation note, so that it always fits under the cap.
    private const int NoteReserve = 400;

    private readonly ScanReport _report;
    private readonly int _maxLength;
    private readonly RuleIndex _rules;
    private readonly ReportSummary _summary;
    private readonly StringBuilder _text = new(8 * 1024);

    public MarkdownWriter(ScanReport report, int maxLength)
    {
        _report = report;
        _maxLength = maxLength;
        _rules = new RuleIndex(report);
        _summary = new ReportSummary(report);
    }

    public string Write(CancellationToken cancellationToken)
    {
        WriteHeader();
        var shown = 0;
        var diagnosticsShown = false;
        foreach (var severity in ReportNames.SeveritiesWorstFirst)
        {
            if (_summary.Count(severity) == 0)
            {
                continue;
            }

            var heading = $"### {SeverityIcon(severity)} {Capitalized(severity)}\n\n";
            var headingWritten = false;
            foreach (var finding in _report.Findings)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (finding.Severity != severity)
                {
                    continue;
                }

                var chunk = (headingWritten ? "" : heading) + RenderFinding(finding);
                if (!Fits(chunk))
                {
                    return Finish(shown, diagnosticsShown);
                }

                _text.Append(chunk);
                headingWritten = true;
                shown++;
            }
        }

        var diagnostics = RenderDiagnostics();
        if (Fits(diagnostics))
        {
            _text.Append(diagnostics);
            diagnosticsShown = true;
        }

        return Finish(shown, diagnosticsShown);
    }

    private bool Fits(string chunk) => _text.Length + chunk.Length + NoteReserve <= _maxLength;

    private string Finish(int shown, bool diagnosticsShown)
    {
        var hiddenFindings = _summary.Total - shown;
        var hiddenDiagnostics = diagnosticsShown ? 0 : _report.Diagnostics.Length;
        if (hiddenFindings > 0 || hiddenDiagnostics > 0)
        {
            _text.Append("---\n\n> [!NOTE]\n> This comment was cut to fit ")
                .Append(_maxLength.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" characters: ")
                .Append(hiddenFindings.ToString(CultureInfo.InvariantCulture)).Append(" more finding(s)");
            if (hiddenDiagnostics > 0)
            {
                _text.Append(" and ").Append(hiddenDiagnostics.ToString(CultureInfo.InvariantCulture)).Append(" scan diagnostic(s)");
            }

            _text.Append(" are not shown. The SARIF, JSON or HTML report has everything.\n");
        }

        return _text.ToString();
    }

    private void WriteHeader()
    {
        var total = _summary.Total;
        _text.Append("## Osprey: ");
        _text.Append(total == 0 ? "no findings" : $"{total} finding{(total == 1 ? "" : "s")} ({_summary.SeverityPhrase()})");
        _text.Append("\n\n");

        var name = Path.GetFileName(_report.Target.Path.TrimEnd('/', '\\'));
        _text.Append("Scanned ").Append(MarkdownText.Code(string.IsNullOrEmpty(name) ? _report.Target.Path : name, 200))
            .Append(" (").Append(_report.FileCount.ToString(CultureInfo.InvariantCulture)).Append(" files) in ")
            .Append(ReportText.Duration(_report.Duration)).Append(" · ")
            .Append(_summary.Count(VerificationStatus.Confirmed).ToString(CultureInfo.InvariantCulture)).Append(" confirmed by a proof");
        if (_report.SuppressedByBaseline > 0)
        {
            _text.Append(" · ").Append(_report.SuppressedByBaseline.ToString(CultureInfo.InvariantCulture)).Append(" already in the baseline");
        }

        var failed = _report.Engines.Where(e => e.Outcome == EngineOutcome.Failed).Select(e => MarkdownText.Inline(e.Name, 80)).ToList();
        if (failed.Count > 0)
        {
            _text.Append(" · ⚠️ engine failed: ").Append(string.Join(", ", failed));
        }

        _text.Append("\n\n");
        if (total == 0)
        {
            return;
        }

        _text.Append("| Severity | Findings | Confirmed |\n| --- | ---: | ---: |\n");
        foreach (var severity in ReportNames.SeveritiesWorstFirst)
        {
            if (_summary.Count(severity) > 0)
            {
                _text.Append("| ").Append(SeverityIcon(severity)).Append(' ').Append(Capitalized(severity))
                    .Append(" | ").Append(_summary.Count(severity).ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(_summary.Confirmed(severity).ToString(CultureInfo.InvariantCulture)).Append(" |\n");
            }
        }

        _text.Append('\n');
    }

    private string RenderDiagnostics()
    {
        if (_report.Diagnostics.IsDefaultOrEmpty)
        {
            return "";
        }

        var builder = new StringBuilder();
        builder.Append("<details><summary>Scan diagnostics (")
            .Append(_report.Diagnostics.Length.ToString(CultureInfo.InvariantCulture)).Append(")</summary>\n\n");
        foreach (var diagnostic in _report.Diagnostics)
        {
            builder.Append("- **").Append(ReportNames.Of(diagnostic.Level)).Append("** ")
                .Append(MarkdownText.Code(diagnostic.Code, 80));
            if (!string.IsNullOrEmpty(diagnostic.FilePath))
            {
                builder.Append(' ').Append(MarkdownText.Code(diagnostic.FilePath, 300));
            }

            builder.Append(": ").Append(MarkdownText.Inline(diagnostic.Message, 1000)).Append('\n');
        }

        builder.Append("\n</details>\n\n");
        return builder.ToString();
    }

    private static string SeverityIcon(Severity severity) => severity switch
    {
        Severity.Critical => "🔴",
        Severity.High => "🟠",
        Severity.Medium => "🟡",
        Severity.Low => "🔵",
        _ => "⚪",
    };

    private static string Capitalized(Severity severity)
    {
        var name = severity.ToName();
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
