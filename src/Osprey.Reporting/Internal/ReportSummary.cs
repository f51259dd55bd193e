using Osprey.Core.Findings;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Internal;

/// <summary>Counts of a report's findings by severity and verification status, computed in one pass.</summary>
internal sealed class ReportSummary
{
    private readonly int[] _bySeverity = new int[(int)Severity.Critical + 1];
    private readonly int[] _confirmedBySeverity = new int[(int)Severity.Critical + 1];
    private readonly int[] _byStatus = new int[(int)VerificationStatus.Refuted + 1];

    public ReportSummary(ScanReport report)
    {
        foreach (var finding in report.Findings)
        {
            var severity = Math.Clamp((int)finding.Severity, 0, _bySeverity.Length - 1);
            var status = Math.Clamp((int)finding.Verification.Status, 0, _byStatus.Length - 1);
            _bySeverity[severity]++;
            _byStatus[status]++;
            if (finding.Verification.Status == VerificationStatus.Confirmed)
            {
                _confirmedBySeverity[severity]++;
            }

            Total++;
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            if (diagnostic.Level == DiagnosticLevel.Error)
            {
                Errors++;
            }
            else if (diagnostic.Level == DiagnosticLevel.Warning)
            {
                Warnings++;
            }
        }
    }

    public int Total { get; }

    public int Errors { get; }

    public int Warnings { get; }

    public int Count(Severity severity) => _bySeverity[Math.Clamp((int)severity, 0, _bySeverity.Length - 1)];

    public int Confirmed(Severity severity) => _confirmedBySeverity[Math.Clamp((int)severity, 0, _bySeverity.Length - 1)];

    public int Count(VerificationStatus status) => _byStatus[Math.Clamp((int)status, 0, _byStatus.Length - 1)];

    /// <summary>"1 critical, 2 high" — only the severities present, worst first; "none" when empty.</summary>
    public string SeverityPhrase()
    {
        var parts = new List<string>(5);
        foreach (var severity in ReportNames.SeveritiesWorstFirst)
        {
            if (Count(severity) > 0)
            {
                parts.Add($"{Count(severity)} {severity.ToName()}");
            }
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
