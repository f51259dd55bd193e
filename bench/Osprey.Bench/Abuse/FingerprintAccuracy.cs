using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Osprey.Server.Watermarking;

namespace Osprey.Bench.Abuse;

/// <summary>One row of the fingerprint measurement.</summary>
internal sealed record FingerprintRow(string Text, string Editing, bool ZeroWidthStripped, int Trials, int Correct, int Wrong, int NotIdentified);

/// <summary>False attribution on text that carries no candidate's fingerprint.</summary>
internal sealed record FalseAttributionRow(string Text, int Trials, int Attributed);

/// <summary>
/// Output fingerprint accuracy through the server's own watermarker (the code that marks what the
/// API returns): 20 candidate organisations; reports marked with one of them, lightly edited,
/// attributed or not; and the false-attribution rate on text that carries no candidate's mark —
/// unmarked reports, reports marked for other organisations, and chunks of this repository's
/// Markdown and C# sources.
/// </summary>
internal static partial class FingerprintAccuracy
{
    public static (IReadOnlyList<FingerprintRow> Rows, IReadOnlyList<FalseAttributionRow> False) Run(string repository, int seed, int trials)
    {
        var corpus = new FingerprintCorpus(seed);
        var keys = Enumerable.Range(0, 20).Select(i => new OrgFingerprintKey($"org-{i:00}", SeededSecret(seed, i))).ToList();
        var outsiders = Enumerable.Range(100, 200).Select(i => new OrgFingerprintKey($"outsider-{i}", SeededSecret(seed, i))).ToList();
        var marker = new OutputWatermarker();
        var rows = new List<FingerprintRow>
        {
            Measure("report, 3 explanations × 8 sentences", 3, 8, 0.05, 0.05, strip: false),
            Measure("report, 3 × 8", 3, 8, 0.05, 0.05, strip: true),
            Measure("report, 6 × 8", 6, 8, 0.10, 0.10, strip: true),
            Measure("one explanation, 10 sentences", 1, 10, 0.05, 0.05, strip: true),
        };

        var unmarked = Enumerable.Range(0, trials).Select(_ => corpus.Report(3, 8)).ToList();
        var foreign = Enumerable.Range(0, trials).Select(i => marker.Embed(outsiders[i % outsiders.Count], corpus.Report(3, 8))).ToList();
        var markdown = Chunks(Directory.EnumerateFiles(Path.Combine(repository, "docs"), "*.md", SearchOption.AllDirectories));
        var sources = Chunks(Directory.EnumerateFiles(Path.Combine(repository, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal)));
        var falseRows = new List<FalseAttributionRow>
        {
            Attributions("unmarked reports (3 × 8)", unmarked),
            Attributions("reports marked for 200 other organisations", foreign),
            Attributions("300-word chunks of the repository's Markdown", markdown),
            Attributions("300-word chunks of the repository's C# sources", sources),
        };
        return (rows, falseRows);

        FingerprintRow Measure(string text, int explanations, int sentences, double delete, double substitute, bool strip)
        {
            int correct = 0, wrong = 0;
            for (var t = 0; t < trials; t++)
            {
                var owner = keys[t % keys.Count];
                var leaked = corpus.Edit(marker.Embed(owner, corpus.Report(explanations, sentences)), delete, substitute);
                if (strip) leaked = Invisible().Replace(leaked, "");
                var match = marker.Identify(leaked, keys);
                if (!match.Confident) continue;
                if (match.OrgId == owner.OrgId) correct++;
                else wrong++;
            }

            return new FingerprintRow(text, string.Create(CultureInfo.InvariantCulture, $"{delete:0%} deleted, {substitute:0%} substituted"), strip, trials, correct, wrong, trials - correct - wrong);
        }

        FalseAttributionRow Attributions(string text, IReadOnlyList<string> samples) =>
            new(text, samples.Count, samples.Count(s => marker.Identify(s, keys).Confident));
    }

    private static byte[] SeededSecret(int seed, int index)
    {
        var random = new Random(HashCode.Combine(seed, index, "fingerprint"));
        var secret = new byte[32];
        random.NextBytes(secret);
        return secret;
    }

    private static List<string> Chunks(IEnumerable<string> files)
    {
        var words = files.Order(StringComparer.Ordinal).SelectMany(f => File.ReadAllText(f).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        return words.Chunk(300).Where(c => c.Length == 300).Select(c => string.Join(' ', c)).ToList();
    }

    public static string Render(IReadOnlyList<FingerprintRow> rows, IReadOnlyList<FalseAttributionRow> falseRows)
    {
        var text = new StringBuilder();
        text.AppendLine("| leaked text | editing | zero-width | trials | correct attribution | wrong attribution | not identified |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Text} | {r.Editing} | {(r.ZeroWidthStripped ? "stripped" : "kept")} | {r.Trials} | {(double)r.Correct / r.Trials:0.0%} | {(double)r.Wrong / r.Trials:0.0%} | {(double)r.NotIdentified / r.Trials:0.0%} |"));
        }

        text.AppendLine();
        text.AppendLine("| text without a candidate's fingerprint | samples | attributed to a candidate |");
        text.AppendLine("|---|---:|---:|");
        foreach (var r in falseRows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Text} | {r.Trials} | {r.Attributed} ({(double)r.Attributed / Math.Max(1, r.Trials):0.0%}) |"));
        }

        return text.ToString();
    }

    [GeneratedRegex("[\u200B\u200C\u200D\u2060\uFEFF]")]
    private static partial Regex Invisible();
}
