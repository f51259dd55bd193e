using Osprey.Server.Watermarking;
using Xunit.Abstractions;

namespace Osprey.Server.Tests.Watermarking;

/// <summary>
/// Identification accuracy after light editing, and the false-attribution rate on text that does
/// not carry a candidate's fingerprint. 20 candidate organisations; numbers go to the test output
/// and docs/abuse-detection.md.
/// </summary>
public sealed class WatermarkAccuracyTests(ITestOutputHelper output)
{
    private static readonly OutputWatermarker Watermarker = new();

    private static readonly OrgFingerprintKey[] Candidates = Enumerable.Range(0, 20).Select(i => new OrgFingerprintKey($"org-{i:00}", System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();

    private (double Accuracy, double Wrong) Measure(int explanations, int sentences, double delete, double substitute, bool strip, int trials = 200)
    {
        var corpus = new ExplanationCorpus(seed: explanations * 1000 + (int)(delete * 100));
        int correct = 0, wrong = 0;
        for (var i = 0; i < trials; i++)
        {
            var org = Candidates[i % Candidates.Length];
            var leaked = corpus.Edit(Watermarker.Embed(org, corpus.Report(explanations, sentences)), delete, substitute, strip);
            var match = Watermarker.Identify(leaked, Candidates);
            if (match.Confident && match.OrgId == org.OrgId) correct++;
            else if (match.Confident) wrong++;
        }

        var (accuracy, wrongRate) = ((double)correct / trials, (double)wrong / trials);
        output.WriteLine($"{explanations} explanation(s) × {sentences} sentences, delete {delete:P0}, substitute {substitute:P0}, zero-width {(strip ? "stripped" : "kept")}: accuracy {accuracy:P1}, wrong attribution {wrongRate:P1} ({trials} trials)");
        return (accuracy, wrongRate);
    }

    [Fact]
    public void Identify_ReportWithZeroWidthKept_AlwaysRight()
    {
        var (accuracy, wrong) = Measure(3, 8, 0.05, 0.05, strip: false);

        Assert.Equal((1.0, 0.0), (accuracy, wrong));
    }

    [Fact]
    public void Identify_ReportStrippedAndLightlyEdited_AtLeast95Percent()
    {
        var (accuracy, wrong) = Measure(3, 8, 0.05, 0.05, strip: true);

        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1}");
        Assert.Equal(0.0, wrong);
    }

    [Fact]
    public void Identify_LargerLeakHeavierEdits_AtLeast95Percent()
    {
        var (accuracy, wrong) = Measure(6, 8, 0.10, 0.10, strip: true);

        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1}");
        Assert.Equal(0.0, wrong);
    }

    [Fact]
    public void Identify_SingleExplanationStripped_ReportsItsAccuracy()
    {
        // One explanation of 10 sentences is near the limit of the phrasing channel; the bar is lower.
        var (accuracy, wrong) = Measure(1, 10, 0.05, 0.05, strip: true);

        Assert.True(accuracy >= 0.45, $"accuracy {accuracy:P1}");
        Assert.Equal(0.0, wrong);
    }

    [Fact]
    public void Identify_UnfingerprintedAndForeignText_NeverAttributed()
    {
        var corpus = new ExplanationCorpus(seed: 99);
        var outsider = Enumerable.Range(0, 200).Select(i => new OrgFingerprintKey($"outsider-{i}", System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(-1 - i)))).ToArray();
        var texts = new List<(string Source, string Text)>();
        for (var i = 0; i < 200; i++) texts.Add(("template, no key", corpus.Report(3, 8)));
        for (var i = 0; i < 200; i++) texts.Add(("template, other organisation's key", WatermarkText.StripInvisible(Watermarker.Embed(outsider[i], corpus.Report(3, 8)))));
        texts.AddRange(RepositoryText("*.md").Select(t => ("repository docs (Markdown)", t)));
        texts.AddRange(RepositoryText("*.cs").Select(t => ("repository sources (C#)", t)));

        var attributed = texts.Where(t => Watermarker.Identify(t.Text, Candidates).Confident).ToList();
        foreach (var group in texts.GroupBy(t => t.Source))
        {
            output.WriteLine($"{group.Key}: {attributed.Count(a => a.Source == group.Key)} of {group.Count()} attributed");
        }

        foreach (var a in attributed) output.WriteLine("  attributed: " + Watermarker.Identify(a.Text, Candidates).Explanation);
        var z = texts.Where(t => t.Source == "template, no key").Select(t => Watermarker.Identify(t.Text, Candidates).Score).OrderDescending().Take(5);
        output.WriteLine("  top z: " + string.Join(", ", z.Select(v => v.ToString("0.00"))));
        Assert.Empty(attributed);
    }

    /// <summary>The repository's own files, cut into chunks of about 300 words; not the synonym table itself.</summary>
    private static IEnumerable<string> RepositoryText(string pattern)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Osprey.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var files = Directory.EnumerateFiles(dir.FullName, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("Watermark", StringComparison.Ordinal) && !f.Contains("ExplanationCorpus", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var words = File.ReadAllText(file).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i += 300) yield return string.Join(' ', words.Skip(i).Take(300));
        }
    }
}
