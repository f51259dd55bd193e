using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Osprey.Bench.Native;

/// <summary>The AIxCC benchmark's results: proof replays and side-by-side campaigns, as Markdown tables.</summary>
internal sealed record AixccReport(ImmutableArray<PovReplay> Povs, ImmutableArray<CampaignSide> Campaigns, int Vulnerabilities, TimeSpan Budget, int DictionaryEntries, int SeedCount)
{
    /// <summary>The vulnerabilities a side rediscovered over all harnesses.</summary>
    public ImmutableArray<string> Found(string side) =>
        [.. Campaigns.Where(c => c.Side == side).SelectMany(c => c.Found).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public string PovTable()
    {
        var text = new StringBuilder();
        text.AppendLine("| CPV | harness | challenge's sanitizer | reproduced | Osprey: kind | rule | CWE | severity | faulting frame | kind as expected |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var p in Povs)
        {
            var frame = p.Report?.CrashFrame is { } f ? $"{f.Function} {Path.GetFileName(f.File ?? "?")}:{f.Line}" : "–";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Cpv.Id} | {p.Cpv.Harness} | {p.Cpv.ExpectedSanitizer} | {p.Reproduced}/{p.Attempts} | {p.Report?.Kind ?? "no crash"} | {p.Class?.RuleId ?? "–"} | {Cwes(p.Class?.Cwes)} | {p.Class?.Severity.ToString() ?? "–"} | {frame} | {(p.MatchesExpected ? "yes" : "no")} |"));
        }

        var reproduced = Povs.Count(p => p.Reproduced == p.Attempts && p.Attempts > 0);
        text.AppendLine(CultureInfo.InvariantCulture, $"\n{reproduced} of {Povs.Length} proof inputs crash 3/3 in fresh processes; {Povs.Count(p => p.MatchesExpected)} with the sanitizer error the challenge names.");
        return text.ToString();
    }

    public string CampaignTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Both sides at once on each harness (one libFuzzer process each, fork mode with one worker). Osprey: dictionary of {DictionaryEntries} entries, {SeedCount} seeds from the source and challenge test files; plain: neither.\n");
        text.AppendLine("| harness | side | minutes | executions | exec/s | coverage | crash inputs | distinct crashes (confirmed 3/3) | CPVs rediscovered | confirmed crashes (kind in faulting frame) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in Campaigns)
        {
            var confirmed = c.Crashes.Where(x => x.Confirmed).Select(x => $"{x.Report.Kind} in {x.Where}").Distinct(StringComparer.Ordinal).Take(6);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Harness} | {c.Side} | {c.Seconds / 60:0.0} | {c.Status?.Executions ?? 0} | {c.Status?.ExecsPerSecond ?? 0} | {c.Status?.Coverage ?? 0} | {c.CrashInputs} | {c.Crashes.Length} ({c.Crashes.Count(x => x.Confirmed)}) | {(c.Found.IsEmpty ? "–" : string.Join(", ", c.Found))} | {string.Join("; ", confirmed)} |"));
        }

        var osprey = Found("osprey");
        var plain = Found("plain");
        var ratio = plain.Length == 0 ? (osprey.Length == 0 ? "– (both 0)" : "∞ (plain 0)") : (osprey.Length / (double)plain.Length).ToString("0.00", CultureInfo.InvariantCulture);
        text.AppendLine(CultureInfo.InvariantCulture, $"\nRediscovered of {Vulnerabilities}: Osprey {osprey.Length} ({string.Join(", ", osprey)}), plain libFuzzer {plain.Length} ({string.Join(", ", plain)}); ratio Osprey/plain = {ratio}.");
        return text.ToString();
    }

    private static string Cwes(ImmutableArray<int>? cwes) => cwes is { IsDefaultOrEmpty: false } c ? string.Join("/", c) : "–";
}
