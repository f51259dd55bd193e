using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Osprey.Native.Benchmarks;

/// <summary>The outcome of a Juliet run: every case, and the totals per CWE as a Markdown table.</summary>
public sealed record JulietCBenchmarkResult
{
    /// <summary>Every case run, in order.</summary>
    public required ImmutableArray<JulietCaseResult> Cases { get; init; }

    /// <summary>Eligible cases per CWE before sampling.</summary>
    public required ImmutableDictionary<int, int> EligibleCases { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Cases that built.</summary>
    public int Built => Cases.Count(c => c.BuildError is null);

    /// <summary>Bad cases Osprey confirmed.</summary>
    public int BadConfirmed => Cases.Count(c => c.BadConfirmed);

    /// <summary>Good cases Osprey flagged (false positives).</summary>
    public int GoodFlagged => Cases.Count(c => c.GoodFlagged);

    /// <summary>A Markdown table: per CWE, cases, built, confirmed bad, flagged good, CWE-matching classification, and the static tools.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| CWE | eligible | run | built | Osprey bad confirmed | Osprey good flagged | classified as the case's CWE | cppcheck bad / good | clang analyzer bad / good |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var group in Cases.GroupBy(c => c.Cwe).OrderBy(g => g.Key))
        {
            AppendRow(text, $"CWE-{group.Key}", EligibleCases.GetValueOrDefault(group.Key), [.. group]);
        }

        AppendRow(text, "**all**", EligibleCases.Values.Sum(), [.. Cases]);
        text.AppendLine(CultureInfo.InvariantCulture, $"\nDuration: {Duration.TotalMinutes:F1} min.");
        AppendList(text, "Good cases flagged (the sanitizer's report on the good function)", Cases.Where(c => c.GoodFlagged).Select(c => $"{c.Name}: {c.GoodCrash}"));
        AppendList(text, "Bad cases built but not confirmed", Cases.Where(c => c.BuildError is null && !c.BadConfirmed).Select(c => c.Name));
        AppendList(text, "Cases not built", Cases.Where(c => c.BuildError is not null).Select(c => $"{c.Name}: {c.BuildError}"));
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string label, int eligible, IReadOnlyList<JulietCaseResult> cases)
    {
        var built = cases.Where(c => c.BuildError is null).ToList();
        var confirmed = built.Count(c => c.BadConfirmed);
        var classified = built.Count(c => c.BadConfirmed && c.ClassifiedCwes.Contains(c.Cwe));
        text.Append(CultureInfo.InvariantCulture, $"| {label} | {eligible} | {cases.Count} | {built.Count} | {confirmed} ({Percent(confirmed, built.Count)}) | {built.Count(c => c.GoodFlagged)} | {classified} |");
        text.Append(CultureInfo.InvariantCulture, $" {Tool(built, c => c.CppcheckBad, c => c.CppcheckGood)} | {Tool(built, c => c.ClangAnalyzerBad, c => c.ClangAnalyzerGood)} |\n");
    }

    private static void AppendList(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"\n{title}:\n");
        foreach (var line in list)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
    }

    private static string Tool(List<JulietCaseResult> built, Func<JulietCaseResult, bool?> bad, Func<JulietCaseResult, bool?> good)
    {
        var ran = built.Where(c => bad(c).HasValue).ToList();
        if (ran.Count == 0)
        {
            return "not run";
        }

        var detected = ran.Count(c => bad(c) == true);
        return $"{detected} ({Percent(detected, ran.Count)}) / {ran.Count(c => good(c) == true)}";
    }

    private static string Percent(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
