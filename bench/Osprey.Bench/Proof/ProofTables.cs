using System.Globalization;
using System.Text;

namespace Osprey.Bench.Proof;

/// <summary>Renders a Juliet proof run as Markdown: the per-CWE table, then reasons and any good case confirmed.</summary>
internal static class ProofTables
{
    public static string Render(JulietProofReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# juliet-cs --verify — {report.StartedAt:yyyy-MM-dd HH:mm} UTC\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Suite: `{report.Suite}`. {report.Sampling}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Sandbox: {report.Sandbox}. Proof time limit {report.TimeoutSeconds} s, {report.Parallel} proof(s) at a time.\n\n");
        text.Append("Per case: a bad case is Confirmed when a proof of one of its bad findings confirmed. `good C` = flagged good cases a proof confirmed (verifier false positives); `defect` = good cases confirmed in Juliet's documented defect (variant 75 GoodG2B reads the attacker's source), which are right to confirm. `bad unreachable` = bad cases Unverified because Juliet's bad code throws NullReferenceException before its sink (CWE-89 CommandText: `SqlCommand badSqlCommand = null` is dereferenced first; counted in Unverified too), and `Confirmed % reachable` leaves them out. Seconds per proof include the proof's share of the folder's one harness compilation.\n\n");
        text.Append("| CWE | cases | bad detected | bad verified | Confirmed | Refuted | Unverified | bad unreachable | Confirmed % | Confirmed % reachable | good flagged | good C | defect | good Refuted | good Unverified | median s/proof | proofs | verify s | scan s |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        var total = new ProofTally();
        foreach (var (cwe, tally) in report.Cwes)
        {
            Row(text, cwe, tally);
            total.Add(tally);
        }

        Row(text, "**total**", total);
        Reasons(text, "Bad or good cases Unverified, by reason", report.Cwes.ToDictionary(p => p.Key, p => p.Value.UnverifiedReasons));
        Reasons(text, "Cases Refuted, by reason", report.Cwes.ToDictionary(p => p.Key, p => p.Value.RefutedReasons));
        var examples = report.Cwes.SelectMany(p => p.Value.GoodConfirmedExamples.Select(e => $"CWE-{p.Key} {e}")).ToList();
        text.Append("\n## Good cases Confirmed outside the documented defect\n\n");
        text.Append(examples.Count == 0 ? "None.\n" : string.Concat(examples.Select(e => "- " + e.ReplaceLineEndings(" ") + "\n")));
        return text.ToString();
    }

    private static void Row(StringBuilder text, string cwe, ProofTally t) =>
        text.Append(CultureInfo.InvariantCulture,
            $"| {cwe} | {t.Cases} | {t.BadDetected} | {t.BadVerified} | {t.BadConfirmed} | {t.BadRefuted} | {t.BadUnverified} | {t.BadUnreachableJulietDefect} | {t.ConfirmedShare:P1} | {t.ConfirmedShareOfReachable:P1} | {t.GoodFlagged} | {t.GoodConfirmed} | {t.GoodConfirmedJulietDefect} | {t.GoodRefuted} | {t.GoodUnverified} | {t.MedianProofSeconds:0.00} | {t.Proofs} | {t.VerifySeconds:0.0} | {t.ScanSeconds:0.0} |\n");

    private static void Reasons(StringBuilder text, string title, Dictionary<string, SortedDictionary<string, int>> byCwe)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n## {title}\n\n");
        var rows = byCwe.SelectMany(p => p.Value.Select(r => (Cwe: p.Key, Reason: r.Key, Count: r.Value))).ToList();
        if (rows.Count == 0)
        {
            text.Append("None.\n");
            return;
        }

        text.Append("| CWE | cases | reason |\n|---|---:|---|\n");
        foreach (var (cwe, reason, count) in rows.OrderBy(r => int.Parse(r.Cwe, CultureInfo.InvariantCulture)).ThenByDescending(r => r.Count))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {cwe} | {count} | {reason.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ")} |\n");
        }
    }
}

/// <summary>A whole proof run: settings and one tally per CWE, in run order.</summary>
internal sealed class JulietProofReport
{
    public required string Suite { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string Sampling { get; init; }

    public required string Sandbox { get; init; }

    public required double TimeoutSeconds { get; init; }

    public required int Parallel { get; init; }

    public Dictionary<string, ProofTally> Cwes { get; } = new(StringComparer.Ordinal);
}
