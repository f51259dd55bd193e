using Osprey.Reporting.Markdown;
using Osprey.Reporting.Tests.Support;

namespace Osprey.Reporting.Tests.Markdown;

public class MarkdownReportRendererTests
{
    private readonly MarkdownReportRenderer _renderer = new();

    [Fact]
    public async Task RenderAsync_SampleReport_StartsWithSummaryLineAndSeverityTable()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample());
        var lines = markdown.Split('\n');

        Assert.Equal("## Osprey: 4 findings (1 critical, 1 high, 1 medium, 1 low)", lines[0]);
        Assert.Contains("| Severity | Findings | Confirmed |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 🔴 Critical | 1 | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 🟠 High | 1 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("engine failed: native, binary", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Findings_AreGroupedBySeverityWorstFirst()
    {
        var report = SampleReports.Sample() with { Findings = [SampleReports.WeakHash, SampleReports.SqlInjection, SampleReports.CommandInjection] };
        var markdown = await Render.ToStringAsync(_renderer, report);

        var critical = markdown.IndexOf("### 🔴 Critical", StringComparison.Ordinal);
        var high = markdown.IndexOf("### 🟠 High", StringComparison.Ordinal);
        var low = markdown.IndexOf("### 🔵 Low", StringComparison.Ordinal);
        Assert.True(critical > 0 && critical < high && high < low, markdown);
        Assert.True(markdown.IndexOf("#### Command injection", StringComparison.Ordinal) < markdown.IndexOf("#### SQL injection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenderAsync_Finding_ShowsLocationRuleCweLinkAndVerification()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });

        Assert.Contains("`src/Data/ProductRepository.cs:42:13` · `cs/sql-injection` · [CWE-89](https://cwe.mitre.org/data/definitions/89.html) · **❔ Unverified**: no harness for this entry point", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Trace_IsANumberedListInsideDetailsWithIndentedSnippets()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });

        Assert.Contains("<details><summary>Trace (3 steps)</summary>\n\n1. **source** `src/Controllers/ShopController.cs:17:9` — read from query string 'q'\n\n   ```csharp\n   17: var q = Request.Query[\"q\"];\n   ```\n2. **step**", markdown, StringComparison.Ordinal);
        Assert.Contains("3. **sink** `src/Data/ProductRepository.cs:42:13`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ConfirmedFinding_ShowsProofInFencedBlocks()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.CommandInjection] });

        Assert.Contains("**✅ Confirmed** by csharp-proof", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Proof</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains("```\n" + SampleReports.ScriptPayload + "; id\n```", markdown, StringComparison.Ordinal);
        Assert.Contains("Replay (curl):\n\n```sh\ncurl -X POST", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_HostileMessage_IsEscapedSoItCannotLinkMentionOrOpenTags()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.HostilePathTraversal] });

        Assert.Contains(
            "Path from \\*\\*query\\*\\* reaches \\[click\\]\\(javascript:alert\\(1\\)\\) \\| &#64;octocat \\#1 &lt;b&gt;bold&lt;/b&gt;",
            markdown,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@octocat", markdown, StringComparison.Ordinal);
        Assert.Contains("#### Path traversal &lt;in&gt; \\`attachments\\`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_SnippetWithBackticksAndClosingTag_StaysInsideALongerFence()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.HostilePathTraversal] });

        // The snippet holds ``` and </details>: the fence grows to four backticks so the block cannot be closed early.
        Assert.Contains("   ````csharp\n   19: var s = \"<img src=x onerror=alert(1)>\"; // ``` </details> \\x1B[31mred\n   ````", markdown, StringComparison.Ordinal);
        Assert.Equal(CountOf(markdown, "<details>"), markdown.Split('\n').Count(line => line == "</details>"));
    }

    [Fact]
    public async Task RenderAsync_ControlCharacters_AreShownNotEmitted()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.DoesNotContain('\u001b', markdown);
    }

    [Fact]
    public async Task RenderAsync_Diagnostics_AreListedInACollapsedSection()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.Contains("<details><summary>Scan diagnostics (2)</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains("- **warning** `parse-error` `src/Broken.cs`: src/Broken.cs did not parse", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_NoFindings_SaysSoWithoutATable()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Empty());

        Assert.StartsWith("## Osprey: no findings\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| Severity |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ManyFindings_StaysUnderGitHubCommentLimitWithANote()
    {
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Many(2000));

        Assert.True(markdown.Length <= MarkdownReportRenderer.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Contains("This comment was cut to fit 65,536 characters", markdown, StringComparison.Ordinal);
        Assert.Contains("| 🔴 Critical | 500 | 500 |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(5000)]
    [InlineData(20000)]
    public async Task RenderAsync_CustomCap_IsNeverExceeded(int cap)
    {
        var markdown = await Render.ToStringAsync(new MarkdownReportRenderer(cap), SampleReports.Many(200));

        Assert.True(markdown.Length <= cap, $"{markdown.Length} > {cap}");
        Assert.EndsWith("The SARIF, JSON or HTML report has everything.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_HugePayload_IsShortenedSoOtherFindingsStillFit()
    {
        var huge = SampleReports.CommandInjection with
        {
            Verification = SampleReports.CommandInjection.Verification with
            {
                Proof = SampleReports.CommandInjection.Verification.Proof! with { Payload = new string('A', 200_000) },
            },
        };
        var markdown = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [huge, SampleReports.SqlInjection] });

        Assert.Contains("(198000 more characters)", markdown, StringComparison.Ordinal);
        Assert.Contains("#### SQL injection", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CapBelowMinimum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkdownReportRenderer(100));
    }

    [Fact]
    public void Inline_TextStartingLikeAListOrHeading_IsEscaped()
    {
        Assert.Equal("\\- item", MarkdownText.Inline("- item"));
        Assert.Equal("12\\. item", MarkdownText.Inline("12. item"));
        Assert.Equal("\\# title", MarkdownText.Inline("# title"));
        Assert.Equal("a b", MarkdownText.Inline("a\nb"));
    }

    [Fact]
    public void Code_TextWithBackticks_UsesALongerFence()
    {
        Assert.Equal("``a`b``", MarkdownText.Code("a`b"));
        Assert.Equal("`` `x` ``", MarkdownText.Code("`x`"));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

}
