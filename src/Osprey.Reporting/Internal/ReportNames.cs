using Osprey.Core.Findings;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Internal;

/// <summary>
/// The lower-case names every format uses for Core's enums, so that SARIF, JSON, HTML and text
/// agree and a renamed enum member cannot silently change an output format.
/// </summary>
internal static class ReportNames
{
    public static string Of(VerificationStatus status) => status switch
    {
        VerificationStatus.Confirmed => "confirmed",
        VerificationStatus.Refuted => "refuted",
        _ => "unverified",
    };

    public static string Of(Confidence confidence) => confidence switch
    {
        Confidence.High => "high",
        Confidence.Medium => "medium",
        _ => "low",
    };

    public static string Of(TraceStepKind kind) => kind switch
    {
        TraceStepKind.Source => "source",
        TraceStepKind.Sink => "sink",
        TraceStepKind.Assumed => "assumed",
        _ => "step",
    };

    public static string Of(EntryPointKind kind) => kind switch
    {
        EntryPointKind.Http => "http",
        EntryPointKind.CommandLine => "command-line",
        EntryPointKind.PublicApi => "public-api",
        EntryPointKind.FuzzTarget => "fuzz-target",
        EntryPointKind.Message => "message",
        _ => "other",
    };

    public static string Of(AuthRequirement auth) => auth switch
    {
        AuthRequirement.Anonymous => "anonymous",
        AuthRequirement.Authenticated => "authenticated",
        AuthRequirement.Privileged => "privileged",
        _ => "unknown",
    };

    public static string Of(EngineOutcome outcome) => outcome switch
    {
        EngineOutcome.Succeeded => "succeeded",
        EngineOutcome.Failed => "failed",
        EngineOutcome.Skipped => "skipped",
        _ => "cancelled",
    };

    public static string Of(DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => "error",
        DiagnosticLevel.Warning => "warning",
        _ => "info",
    };

    public static string Of(ScanTargetKind kind) => kind switch
    {
        ScanTargetKind.Folder => "folder",
        ScanTargetKind.Solution => "solution",
        ScanTargetKind.Project => "project",
        _ => "file",
    };

    /// <summary>Severities from worst to least, the order every summary lists them in.</summary>
    public static ReadOnlySpan<Severity> SeveritiesWorstFirst =>
        [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info];
}
