using System.Globalization;
using System.Text;

namespace Osprey.Bench.Throughput;

/// <summary>Renders a throughput result as Markdown: the two modes, their ratio, where each spent its time, and what the loader could not resolve.</summary>
internal static class ThroughputReport
{
    /// <summary>The whole report.</summary>
    public static string Render(ThroughputResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Throughput on `{result.Path}`: {result.Files} files, {result.Projects} project folder(s), {result.Lines} lines."));
        text.AppendLine();
        text.AppendLine("| mode | median s | median CPU s | runs (s) | lines/s | peak working set |");
        text.AppendLine("|---|---:|---:|---|---:|---:|");
        Row(text, result.Baseline == "roslyn" ? "(a) Roslyn parse + bind (Osprey's loader's compilations)" : "(a) Roslyn parse + bind (framework references only)", result.Roslyn);
        Row(text, "(b) Osprey scan", result.Osprey);
        text.AppendLine();
        if (result.Ratio is { } ratio)
        {
            var cpu = result.Roslyn.MedianCpuSeconds > 0 ? result.Osprey.MedianCpuSeconds / result.Roslyn.MedianCpuSeconds : 0;
            text.AppendLine(Invariant($"Ratio b/a: {ratio:0.00} wall, {cpu:0.00} CPU"));
        }
        else
        {
            text.AppendLine("Ratio b/a: n/a (" + (result.Osprey.Samples.Concat(result.Roslyn.Samples).Select(s => s.Error).FirstOrDefault(e => e is not null) ?? "a mode failed") + ")");
        }

        if (result.Build is { } build)
        {
            text.AppendLine(Invariant(
                $"dotnet build: {build.PlainSeconds:0.0} s plain, {build.ScsSeconds:0.0} s with Security Code Scan (CPU {build.PlainCpuSeconds:0.0} s / {build.ScsCpuSeconds:0.0} s){(build.Errors.Count > 0 ? "; " + string.Join("; ", build.Errors) : "")}"));
        }

        Runtime(text, result);
        Stages(text, "(a) baseline", result.Roslyn);
        Stages(text, "(b) Osprey scan", result.Osprey);
        Loading(text, result);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, ModeResult mode) =>
        text.AppendLine(Invariant(
            $"| {name} | {mode.MedianSeconds:0.00} | {mode.MedianCpuSeconds:0.00} | {string.Join(", ", mode.Samples.Select(s => s.Error is null ? s.Seconds.ToString("0.00", CultureInfo.InvariantCulture) : "failed"))} | {mode.LinesPerSecond:0} | {mode.PeakWorkingSetBytes / 1048576.0:0} MiB |"));

    private static void Runtime(StringBuilder text, ThroughputResult result)
    {
        var rows = new[] { ("(a) baseline", MedianSample(result.Roslyn)), ("(b) Osprey scan", MedianSample(result.Osprey)) }
            .Where(r => r.Item2?.Runtime is not null)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("Runtime cost of the median runs:");
        text.AppendLine();
        text.AppendLine("| mode | GC pause s | JIT s | allocated MiB | gen2 GCs |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, sample) in rows)
        {
            var cost = sample!.Runtime!;
            text.AppendLine(Invariant($"| {name} | {cost.GcPauseSeconds:0.00} | {cost.JitSeconds:0.00} | {cost.AllocatedMegabytes} | {cost.Gen2Collections} |"));
        }
    }

    /// <summary>Stage timings of the sample closest to the median (thread seconds can add up to more than the wall time).</summary>
    private static void Stages(StringBuilder text, string name, ModeResult mode)
    {
        var sample = MedianSample(mode);
        if (sample?.Stages is not { Count: > 0 } stages)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(Invariant($"{name}, where the time went (run of {sample.Seconds:0.00} s):"));
        text.AppendLine();
        text.AppendLine("| stage | s | share of wall |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (stage, seconds) in stages)
        {
            text.AppendLine(Invariant($"| {stage} | {seconds:0.00} | {(sample.Seconds > 0 ? seconds / sample.Seconds : 0):0%} |"));
        }
    }

    private static void Loading(StringBuilder text, ThroughputResult result)
    {
        var samples = new[] { MedianSample(result.Roslyn), MedianSample(result.Osprey) }.Where(s => s is not null).ToList();
        var statistics = samples.Select(s => s!.Statistics).FirstOrDefault(s => s is { Count: > 0 });
        if (statistics is null)
        {
            return;
        }

        text.AppendLine();
        var inBodies = statistics.TryGetValue("roslyn.unresolved-name-diagnostics-in-bodies", out var count)
            ? Invariant($", {count} distinct unresolved-name diagnostics after binding bodies")
            : "";
        text.AppendLine(Invariant(
            $"Loader: {statistics.GetValueOrDefault("csharp.projects")} project(s), {statistics.GetValueOrDefault("csharp.files")} file(s), {statistics.GetValueOrDefault("csharp.unresolved-references")} unresolved reference(s), {statistics.GetValueOrDefault("csharp.unresolved-symbols")} unresolved type/namespace name(s) in declarations{inBodies}."));
        foreach (var line in samples.SelectMany(s => s!.Unresolved ?? []).Distinct(StringComparer.Ordinal).Take(60))
        {
            text.AppendLine($"- {line}");
        }
    }

    private static ThroughputSample? MedianSample(ModeResult mode) =>
        mode.Samples.Where(s => s.Error is null).OrderBy(s => Math.Abs(s.Seconds - mode.MedianSeconds)).FirstOrDefault()
        ?? mode.Samples.FirstOrDefault();

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
