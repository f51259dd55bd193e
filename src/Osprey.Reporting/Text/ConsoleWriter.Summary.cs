using System.Globalization;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Text;

internal sealed partial class ConsoleWriter
{
    private void WriteSummary()
    {
        var summary = new ReportSummary(_report);
        _text.Append(new string('─', 60)).Append('\n');
        if (summary.Total == 0)
        {
            _text.Append(_style.Bold("No findings.")).Append('\n');
        }
        else
        {
            _text.Append(_style.Bold($"{summary.Total} finding{(summary.Total == 1 ? "" : "s")}")).Append(": ");
            var first = true;
            foreach (var severity in ReportNames.SeveritiesWorstFirst)
            {
                if (summary.Count(severity) == 0)
                {
                    continue;
                }

                _text.Append(first ? "" : ", ").Append(_style.Severity(severity, $"{summary.Count(severity)} {severity.ToName()}"));
                first = false;
            }

            _text.Append(" · ")
                .Append(summary.Count(VerificationStatus.Confirmed).ToString(CultureInfo.InvariantCulture)).Append(" confirmed, ")
                .Append(summary.Count(VerificationStatus.Unverified).ToString(CultureInfo.InvariantCulture)).Append(" unverified, ")
                .Append(summary.Count(VerificationStatus.Refuted).ToString(CultureInfo.InvariantCulture)).Append(" refuted\n");
        }

        if (_report.SuppressedByBaseline > 0)
        {
            _text.Append(_report.SuppressedByBaseline.ToString(CultureInfo.InvariantCulture)).Append(" known finding(s) left out by the baseline\n");
        }

        foreach (var engine in _report.Engines)
        {
            if (engine.Outcome == EngineOutcome.Failed)
            {
                _text.Append(_style.Error("engine failed: ")).Append(Safe(engine.Name));
                if (engine.Error is not null)
                {
                    _text.Append(" (").Append(Safe(engine.Error)).Append(')');
                }

                _text.Append('\n');
            }
        }

        if (_report.Diagnostics.IsDefaultOrEmpty)
        {
            return;
        }

        _text.Append("diagnostics: ").Append(summary.Errors.ToString(CultureInfo.InvariantCulture)).Append(" error(s), ")
            .Append(summary.Warnings.ToString(CultureInfo.InvariantCulture)).Append(" warning(s)\n");
        foreach (var diagnostic in _report.Diagnostics)
        {
            var level = ReportNames.Of(diagnostic.Level).PadRight(8);
            _text.Append("  ").Append(diagnostic.Level switch
            {
                DiagnosticLevel.Error => _style.Error(level),
                DiagnosticLevel.Warning => _style.Warning(level),
                _ => level,
            }).Append(Safe(diagnostic.Code)).Append("  ");
            if (!string.IsNullOrEmpty(diagnostic.FilePath))
            {
                _text.Append(Safe(diagnostic.FilePath)).Append(": ");
            }

            _text.Append(Safe(diagnostic.Message)).Append('\n');
        }
    }
}
