using Osprey.Bench.Scoring;
using ScottPlot;

namespace Osprey.Bench.Reporting;

/// <summary>
/// Draws recall (bars up) and false-alarm rate (bars down) per group and tool as a PNG, so a run
/// can be judged at a glance.
/// </summary>
internal static class ResultChart
{
    /// <summary>Writes the chart of <paramref name="results"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, BenchResults results, string groupLabel, Func<ToolResults, IReadOnlyDictionary<string, CweTally>> select)
    {
        var tools = results.Tools.Where(t => select(t.Value).Count > 0).ToList();
        var groups = tools.SelectMany(t => select(t.Value).Keys).Distinct().Order(NumericFirstComparer.Instance).ToList();
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        var slot = tools.Count + 1;
        for (var g = 0; g < groups.Count; g++)
        {
            for (var t = 0; t < tools.Count; t++)
            {
                if (select(tools[t].Value).GetValueOrDefault(groups[g]) is not { Cases: > 0 } tally)
                {
                    continue;
                }

                var color = palette.GetColor(t);
                var position = (g * slot) + t;
                bars.Add(new Bar { Position = position, Value = tally.Recall * 100, FillColor = color });
                bars.Add(new Bar { Position = position, Value = -tally.FalseAlarmRate * 100, FillColor = color.WithAlpha(110) });
            }
        }

        plot.Add.Bars(bars);
        var ticks = groups.Select((g, i) => new Tick((i * slot) + ((tools.Count - 1) / 2.0), g, isMajor: true)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = groups.Count > 12 ? 90 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = groups.Count > 12 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.SetLimitsY(-100, 100);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.Title($"{results.Benchmark}: recall (up) and false-alarm rate (down), %");
        plot.XLabel(groupLabel);
        plot.YLabel("% of cases");
        for (var t = 0; t < tools.Count; t++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = tools[t].Key, FillColor = palette.GetColor(t) });
        }

        plot.ShowLegend(Alignment.UpperRight);
        var width = Math.Clamp(groups.Count * slot * 14, 800, 6000);
        plot.SavePng(path, width, 600);
    }
}
