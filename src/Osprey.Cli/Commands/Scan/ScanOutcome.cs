using Osprey.Core.Findings;
using Osprey.Core.Scanning;

namespace Osprey.Cli.Commands.Scan;

/// <summary>Decides the exit code of a finished scan.</summary>
internal static class ScanOutcome
{
    public static int ExitCode(ScanReport report, ScanSettings settings)
    {
        var applicable = report.Engines.Where(e => e.Outcome != EngineOutcome.Skipped).ToList();
        if (applicable.Count > 0 && applicable.All(e => e.Outcome == EngineOutcome.Failed))
        {
            return ExitCodes.ScanFailed;
        }

        if (settings.FailOn is null || !SeverityExtensions.TryParse(settings.FailOn, out var threshold))
        {
            return ExitCodes.Success;
        }

        var counted = report.Findings.Where(f => !settings.ConfirmedOnly || f.Verification.Status == VerificationStatus.Confirmed);
        return counted.Any(f => f.Severity >= threshold) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }
}
