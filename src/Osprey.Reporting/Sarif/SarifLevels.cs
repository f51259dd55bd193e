using System.Globalization;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Sarif;

/// <summary>Maps Osprey severities and diagnostic levels onto SARIF's levels and GitHub's security-severity.</summary>
internal static class SarifLevels
{
    /// <summary>critical/high → error, medium → warning, low/info → note.</summary>
    public static string Of(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    public static string Of(DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => "error",
        DiagnosticLevel.Warning => "warning",
        _ => "note",
    };

    /// <summary>GitHub code scanning reads <c>security-severity</c> as a string holding a number: "8.0".</summary>
    public static string SecuritySeverity(Severity severity) =>
        severity.ToSecuritySeverityScore().ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>SARIF rule precision from the engine's confidence.</summary>
    public static string Precision(Confidence confidence) => confidence switch
    {
        Confidence.High => "high",
        Confidence.Medium => "medium",
        _ => "low",
    };
}
