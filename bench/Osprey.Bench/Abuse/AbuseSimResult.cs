using System.Globalization;
using System.Text;

namespace Osprey.Bench.Abuse;

/// <summary>One attack profile's outcome: how many of its keys were flagged by the end of the day, and when half of them were.</summary>
internal sealed record AttackOutcome(string Profile, int Keys, int Detected, double DetectionRate, int? HoursToDetect, int? HoursToFirstFlag, string[] Signals, string Example);

/// <summary>One benign profile's outcome: keys flagged at any checkpoint of the evaluation day.</summary>
internal sealed record BenignOutcome(string Profile, int Keys, int Flagged, double FalsePositiveRate, string[] FlaggedBy);

/// <summary>What the abuse simulation measured.</summary>
internal sealed record AbuseSimResult(int Seed, int HistoryDays, int Organisations, int Keys, long Requests, double WallSeconds,
    IReadOnlyList<AttackOutcome> Attacks, IReadOnlyList<BenignOutcome> Benign, IReadOnlyDictionary<int, long> StatusCodes)
{
    public static AbuseSimResult From(SimulationSchedule schedule, List<(int Hour, HashSet<string> Subjects)> checkpoints,
        Dictionary<string, (string Action, double Score, string[] Signals, string Explanation)> evidence, IReadOnlyDictionary<int, long> statuses, double seconds, int historyDays, int seed)
    {
        bool FlaggedAt(SimKey k, HashSet<string> s) => s.Contains("key:" + k.Id) || s.Contains("organisation:" + k.Organisation.Id);
        string[] SignalsOf(IEnumerable<SimKey> keys) => keys
            .SelectMany(k => new[] { "key:" + k.Id, "organisation:" + k.Organisation.Id })
            .SelectMany(s => evidence.TryGetValue(s, out var e) ? e.Signals : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var all = checkpoints.Count == 0 ? [] : checkpoints.Select(c => c.Subjects).Aggregate(new HashSet<string>(StringComparer.Ordinal), (a, b) => { a.UnionWith(b); return a; });
        var attacks = schedule.Keys.Where(k => k.IsAttack).GroupBy(k => k.Profile).Select(g =>
        {
            var keys = g.ToList();
            var detected = keys.Count(k => FlaggedAt(k, all));
            var half = checkpoints.FirstOrDefault(c => keys.Count(k => FlaggedAt(k, c.Subjects)) * 2 >= keys.Count && keys.Any(k => FlaggedAt(k, c.Subjects)));
            var first = checkpoints.FirstOrDefault(c => keys.Any(k => FlaggedAt(k, c.Subjects)));
            var example = keys.Select(k => evidence.GetValueOrDefault("key:" + k.Id).Explanation).FirstOrDefault(e => !string.IsNullOrEmpty(e)) ?? "";
            return new AttackOutcome(g.Key, keys.Count, detected, (double)detected / keys.Count, half.Subjects is null ? null : half.Hour, first.Subjects is null ? null : first.Hour, SignalsOf(keys), example);
        }).OrderBy(a => a.Profile, StringComparer.Ordinal).ToList();
        var benign = schedule.Keys.Where(k => !k.IsAttack && k.Profile is "ci" or "release" or "monorepo").GroupBy(k => k.Profile).Select(g =>
        {
            var flagged = g.Where(k => FlaggedAt(k, all)).ToList();
            return new BenignOutcome(g.Key, g.Count(), flagged.Count, (double)flagged.Count / g.Count(), SignalsOf(flagged));
        }).OrderBy(b => b.Profile, StringComparer.Ordinal).ToList();
        return new AbuseSimResult(seed, historyDays, schedule.Organisations.Count, schedule.Keys.Count(), statuses.Values.Sum(), Math.Round(seconds, 1), attacks, benign,
            statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Value));
    }

    public bool GoalMet => Attacks.All(a => a.Detected == a.Keys) && Benign.Sum(b => b.Flagged) * 100 < Benign.Sum(b => b.Keys);

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("| attack | keys | detected by 24 h | time to detect (half the keys) | first flag | signals |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var a in Attacks)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {a.Profile} | {a.Keys} | {a.Detected} ({a.DetectionRate:0%}) | {Hours(a.HoursToDetect)} | {Hours(a.HoursToFirstFlag)} | {string.Join(", ", a.Signals)} |"));
        }

        text.AppendLine();
        text.AppendLine("| benign profile | keys | flagged at any checkpoint | false-positive rate | by |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var b in Benign)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {b.Profile} | {b.Keys} | {b.Flagged} | {b.FalsePositiveRate:0.0%} | {string.Join(", ", b.FlaggedBy)} |"));
        }

        var benignKeys = Benign.Sum(b => b.Keys);
        var benignFlagged = Benign.Sum(b => b.Flagged);
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{Organisations} organisations, {Keys} keys, {Requests} requests ({string.Join(", ", StatusCodes.Select(s => $"{s.Key}: {s.Value}"))}) over {HistoryDays} days of history and one evaluation day, in {WallSeconds:0} s; seed {Seed}."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Goal (every attack fully detected, under 1 % of benign keys flagged): {(GoalMet ? "met" : "NOT met")} — {Attacks.Count(a => a.Detected == a.Keys)} of {Attacks.Count} attacks, {benignFlagged} of {benignKeys} benign keys flagged."));
        return text.ToString();
    }

    private static string Hours(int? h) => h is null ? "not detected" : h == 0 ? "at start" : $"{h} h";
}
