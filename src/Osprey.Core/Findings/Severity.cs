namespace Osprey.Core.Findings;

/// <summary>How much an attacker gains from a finding. Ordered: a larger value is worse.</summary>
public enum Severity
{
    /// <summary>Informational: worth knowing, not a weakness on its own.</summary>
    Info = 0,
    /// <summary>Low impact or hard to reach.</summary>
    Low = 1,
    /// <summary>Real weakness with limited impact or requiring authentication.</summary>
    Medium = 2,
    /// <summary>Serious weakness: data exposure or code execution behind some barrier.</summary>
    High = 3,
    /// <summary>Remote, unauthenticated compromise.</summary>
    Critical = 4,
}

/// <summary>Parsing and scoring helpers for <see cref="Severity"/>.</summary>
public static class SeverityExtensions
{
    /// <summary>The lower-case name used in every output format (<c>critical</c>, <c>high</c>, …).</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => "info",
    };

    /// <summary>
    /// The score GitHub code scanning reads from <c>properties.security-severity</c>
    /// (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low &gt; 0).
    /// </summary>
    public static double ToSecuritySeverityScore(this Severity severity) => severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        Severity.Low => 3.0,
        _ => 0.0,
    };

    /// <summary>Parses a severity name, case-insensitively. Returns false for anything else.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "critical": severity = Severity.Critical; return true;
            case "high": severity = Severity.High; return true;
            case "medium": severity = Severity.Medium; return true;
            case "low": severity = Severity.Low; return true;
            case "info" or "note" or "informational": severity = Severity.Info; return true;
            default: severity = default; return false;
        }
    }

    /// <summary>One step less severe, floored at <see cref="Severity.Info"/>.</summary>
    public static Severity Lower(this Severity severity) => severity == Severity.Info ? Severity.Info : severity - 1;
}
