using System.Globalization;
using System.Text;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Reporting;

/// <summary>
/// Renders benchmark results as Markdown tables, which read well both in a terminal and in
/// docs: per group (CWE or concept) each tool's bad cases detected and good cases flagged.
/// </summary>
internal static class MarkdownTables
{
    /// <summary>The full report: summary table, breakdowns, and errors.</summary>
    public static string Render(BenchResults results, string groupLabel)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {results.Benchmark} — {results.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        text.AppendLine();
        text.AppendLine($"Suite: `{results.Suite}`. Each cell: bad cases detected / cases (recall) · good cases flagged (/ good cases, where they differ) · seconds.");
        if (results.Tools.Values.Any(t => t.Cwe.Values.Any(c => c.JulietDefects is > 0)))
        {
            text.AppendLine();
            text.AppendLine("Good cases flagged are strict; \"(adjusted n; d defective)\" gives the count with Juliet's generator defects taken out, where d cases have G2B code that is a token-for-token copy of their bad code (same attacker source, same sink), so a finding there is a true positive.");
        }

        text.AppendLine();
        text.Append(Summary(results, groupLabel, t => t.Cwe));
        var inputSinks = results.Tools.Values.Any(t => t.InputSinkConcepts is { Count: > 0 });
        if (inputSinks)
        {
            text.AppendLine();
            text.AppendLine("## By analysis concept: projects whose sink uses the input");
            text.AppendLine();
            text.Append(Summary(results, "concept", t => t.InputSinkConcepts ?? []));
        }

        if (results.Tools.Values.Any(t => t.Concepts is { Count: > 0 }))
        {
            text.AppendLine();
            text.AppendLine(inputSinks ? "## By analysis concept: all projects" : "## By analysis concept");
            text.AppendLine();
            text.Append(Summary(results, "concept", t => t.Concepts ?? []));
            if (results.ConceptNote is { } note)
            {
                text.AppendLine();
                text.AppendLine(note);
            }
        }
        foreach (var (name, tool) in results.Tools)
        {
            if (tool.Variants is { Count: > 0 } variants)
            {
                text.AppendLine();
                text.AppendLine($"## {name}: by flow variant");
                text.AppendLine();
                text.Append(Breakdown("variant", variants));
            }

            if (tool.Sources is { Count: > 0 } sources)
            {
                text.AppendLine();
                text.AppendLine($"## {name}: by source");
                text.AppendLine();
                text.Append(Breakdown("source", sources));
            }
        }

        var errors = results.Tools.SelectMany(t => t.Value.Errors.Select(e => $"{t.Key}: {e}")).ToList();
        if (errors.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Errors");
            text.AppendLine();
            foreach (var error in errors.Distinct().Take(50))
            {
                text.AppendLine($"- {error.ReplaceLineEndings(" ")}");
            }

            if (errors.Count > 50)
            {
                text.AppendLine($"- … and {errors.Count - 50} more (see the JSON).");
            }
        }

        return text.ToString();
    }

    /// <summary>One row per group, one column per tool, and a total row.</summary>
    public static string Summary(BenchResults results, string groupLabel, Func<ToolResults, IReadOnlyDictionary<string, CweTally>> select)
    {
        var tools = results.Tools.ToList();
        var groups = tools.SelectMany(t => select(t.Value).Keys).Distinct().Order(NumericFirstComparer.Instance).ToList();
        var text = new StringBuilder();
        text.AppendLine($"| {groupLabel} | cases | " + string.Join(" | ", tools.Select(t => t.Key)) + " |");
        text.AppendLine("|---|---:|" + string.Concat(tools.Select(_ => "---|")));
        foreach (var group in groups)
        {
            var cases = tools.Select(t => select(t.Value).GetValueOrDefault(group)?.Cases ?? 0).Max();
            text.AppendLine($"| {group} | {cases} | " + string.Join(" | ", tools.Select(t => Cell(select(t.Value).GetValueOrDefault(group)))) + " |");
        }

        var totals = tools.Select(t => t.Value.Total(select(t.Value).Values)).ToList();
        text.AppendLine($"| **total** | {totals.Select(t => t.Cases).DefaultIfEmpty().Max()} | " + string.Join(" | ", totals.Select(t => Cell(t))) + " |");
        return text.ToString();
    }

    /// <summary>A tally per key (variant or source).</summary>
    public static string Breakdown(string label, IReadOnlyDictionary<string, Tally> tallies)
    {
        var text = new StringBuilder();
        var adjusted = tallies.Values.Any(t => t.JulietDefects is not null);
        text.AppendLine($"| {label} | cases | bad detected | recall | good flagged |" + (adjusted ? " juliet defects | good flagged, defect-adjusted |" : ""));
        text.AppendLine("|---|---:|---:|---:|---:|" + (adjusted ? "---:|---:|" : ""));
        foreach (var (key, tally) in tallies)
        {
            text.AppendLine($"| {key} | {tally.Cases} | {tally.BadDetected} | {Percent(tally.Recall)} | {tally.GoodFlagged} |"
                + (adjusted ? $" {tally.JulietDefects ?? 0} | {tally.GoodFlaggedAdjusted ?? tally.GoodFlagged} |" : ""));
        }

        return text.ToString();
    }

    private static string Cell(CweTally? tally)
    {
        if (tally is null || tally.Cases == 0)
        {
            return "—";
        }

        var confirmed = tally.BadConfirmed is { } b ? $" · confirmed {b}/{tally.GoodConfirmed ?? 0}" : "";
        var good = tally.GoodCases is { } goodCases ? $"{tally.GoodFlagged}/{goodCases}" : $"{tally.GoodFlagged}";
        if (tally.JulietDefects is { } defects && defects > 0)
        {
            good += $" (adjusted {tally.GoodFlaggedAdjusted ?? 0}; {defects} defective)";
        }

        var seconds = tally.Skipped is not null ? " · not run"
            : tally.Seconds <= 0 ? ""
            : tally.CpuSeconds is { } cpu ? string.Create(CultureInfo.InvariantCulture, $" · {tally.Seconds:0.#} s ({cpu:0.#} s CPU)")
            : string.Create(CultureInfo.InvariantCulture, $" · {tally.Seconds:0.#} s");
        return string.Create(CultureInfo.InvariantCulture, $"{tally.BadDetected}/{tally.Cases} ({Percent(tally.Recall)}) · {good}{seconds}{confirmed}");
    }

    private static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#}%");
}
