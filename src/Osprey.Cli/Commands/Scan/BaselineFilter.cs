using Osprey.Core.Scanning;

namespace Osprey.Cli.Commands.Scan;

/// <summary>Drops findings whose fingerprint an earlier report already had.</summary>
internal static class BaselineFilter
{
    public static ScanReport Apply(ScanReport report, IReadOnlySet<string> knownFingerprints)
    {
        var kept = report.Findings.Where(f => !knownFingerprints.Contains(f.Fingerprint)).ToArray();
        return report with { Findings = [.. kept], SuppressedByBaseline = report.Findings.Length - kept.Length };
    }
}
