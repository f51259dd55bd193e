using System.Globalization;
using System.Text;

namespace Osprey.Bench.Proof;

/// <summary>Renders <c>samples --verify</c>: per sample the cost of proving, then one row per ground-truth entry with its proof status and replay.</summary>
internal static class SampleProofTables
{
    public static string Render(IReadOnlyList<SampleProofResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| sample | vulnerabilities Confirmed | look-alikes Confirmed | proofs | median s/proof | scan s | scan --verify s | added by Verify s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var vulnerable = r.Entries.Where(e => e.Vulnerable).ToList();
            var safe = r.Entries.Where(e => !e.Vulnerable).ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Sample} | {vulnerable.Count(e => e.Status == "Confirmed")}/{vulnerable.Count} | {safe.Count(e => e.Status == "Confirmed")}/{safe.Count} | {r.Proofs} | {r.MedianProofSeconds:0.00} | {r.ScanSeconds:0.0} | {r.VerifiedScanSeconds:0.0} | {r.VerifiedScanSeconds - r.ScanSeconds:0.0} |"));
        }

        foreach (var r in results)
        {
            text.AppendLine();
            text.AppendLine($"## {r.Sample}");
            text.AppendLine();
            foreach (var warning in r.Warnings)
            {
                text.AppendLine($"Sandbox warning: {warning}");
            }

            text.AppendLine("| id | CWE | expected | proof | s | proof or reason |");
            text.AppendLine("|---|---:|---|---|---:|---|");
            foreach (var e in r.Entries)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {e.Id} | {e.Cwe} | {(e.Vulnerable ? "vulnerable" : "safe")} | {e.Status} | {e.Seconds:0.00} | {Cell(e.Detail)} |"));
            }

            text.AppendLine();
            text.AppendLine("Replays of the confirmed entries:");
            text.AppendLine();
            foreach (var e in r.Entries.Where(e => e.Replay is not null))
            {
                text.AppendLine($"- {e.Id}:");
                text.AppendLine();
                text.AppendLine("  ```");
                text.AppendLine("  " + e.Replay!.ReplaceLineEndings("\n  "));
                text.AppendLine("  ```");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text)
    {
        var cell = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        return cell.Length > 240 ? cell[..240] + "…" : cell;
    }
}
