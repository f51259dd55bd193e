using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Osprey.Reporting.Html;
using Osprey.Reporting.Tests.Support;

namespace Osprey.Reporting.Tests.Html;

public partial class HtmlReportRendererTests
{
    private readonly HtmlReportRenderer _renderer = new();

    [Fact]
    public async Task RenderAsync_PayloadWithScriptTag_IsEncoded()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;; id", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_HostileSnippetAndMessage_AreEncoded()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"title\">Path traversal &lt;in&gt; `attachments`</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
    }

    [Fact]
    public async Task RenderAsync_Document_HasExactlyOneScriptAndOneStyleAndNoInlineHandlersOrStyles()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Single(Regex.Matches(html, "<style", RegexOptions.IgnoreCase));
        var attributes = AttributeNames().Matches(html).SelectMany(m => m.Groups[1].Captures.Select(c => c.Value)).ToList();
        Assert.Contains("data-severity", attributes);
        Assert.DoesNotContain(attributes, name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name == "style");
    }

    [Fact]
    public async Task RenderAsync_ContentSecurityPolicy_AllowsExactlyTheInlineStyleAndScriptByHash()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());
        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains($"style-src '{Sha256(style)}'", csp, StringComparison.Ordinal);
        Assert.Contains($"script-src '{Sha256(script)}'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.True(html.IndexOf(csp, StringComparison.Ordinal) < html.IndexOf("<style>", StringComparison.Ordinal), "the policy must come before the blocks it governs");
    }

    [Fact]
    public async Task RenderAsync_Document_ReferencesNoExternalResource()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        var urls = UrlAttributes().Matches(html).Select(m => m.Groups[2].Value).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.True(url.StartsWith('#') || url.StartsWith("https://cwe.mitre.org/data/definitions/", StringComparison.Ordinal), url));
        Assert.DoesNotMatch("<[^>]*\\ssrc\\s*=", html);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Finding_CarriesFilterAttributes()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.Contains("<li class=\"finding\" data-severity=\"critical\" data-rule=\"cs/command-injection\" data-status=\"confirmed\">", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"finding\" data-severity=\"medium\" data-rule=\"cs/path-traversal\" data-status=\"refuted\">", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(html, "<li class=\"finding\"").Count);
    }

    [Fact]
    public async Task RenderAsync_Filters_OfferEveryRuleSeverityAndStatus()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.Contains("<select id=\"filter-severity\"><option value=\"\">all</option><option>critical</option><option>high</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"cs/path-traversal\">cs/path-traversal</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option>refuted</option>", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"filter-text\" type=\"search\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Trace_ShowsEachStepWithItsNumberedCodeLine()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.SqlInjection] });

        Assert.Contains("<li class=\"step step-source\"><div class=\"step-head\"><span class=\"step-kind\">source</span> <code>src/Controllers/ShopController.cs:17:9</code>", html, StringComparison.Ordinal);
        Assert.Contains("<p>read from query string &#39;q&#39;</p><pre class=\"code\"><span class=\"ln\">17</span>var q = Request.Query[&quot;q&quot;];</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"step step-sink\">", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Related locations</h4>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ConfirmedFinding_ShowsProofAndReplay()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample() with { Findings = [SampleReports.CommandInjection] });

        Assert.Contains("<h4>Proof</h4>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Replay (curl)</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Why</dt><dd>The payload&#39;s &#39;;&#39; ended the ping command and ran another.</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Header_ShowsTargetTimeDurationAndCounts()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());

        Assert.Contains("<dt>Target</dt><dd>/work/samples/Shop App (folder)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Started</dt><dd>2026-11-29 02:30:00Z</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Duration</dt><dd>12.3 s</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"n\">1</span><span class=\"sev sev-critical\">critical</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"n\">2</span><span class=\"status status-unverified\">unverified</span></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Diagnostics_ListEngineFailuresAndSkippedFiles()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Sample());
        var diagnostics = html[html.IndexOf("<section id=\"diagnostics\">", StringComparison.Ordinal)..];

        Assert.Contains("<td>native</td><td class=\"level-error\">failed</td>", diagnostics, StringComparison.Ordinal);
        Assert.Contains("DllNotFoundException: libclang", diagnostics, StringComparison.Ordinal);
        Assert.Contains("<td class=\"level-warning\">warning</td><td>parse-error</td><td>src/Broken.cs</td>", diagnostics, StringComparison.Ordinal);
        Assert.Contains("<h3>Scan diagnostics (2)</h3>", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_EmptyReport_SaysThereAreNoFindings()
    {
        var html = await Render.ToStringAsync(_renderer, SampleReports.Empty());

        Assert.Contains("<p class=\"empty\">No findings.</p>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Output_IsUtf8WithoutByteOrderMark()
    {
        using var stream = new MemoryStream();

        await _renderer.RenderAsync(SampleReports.Sample(), stream, CancellationToken.None);

        Assert.Equal((byte)'<', stream.ToArray()[0]);
    }

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("<[a-z0-9]+(?:\\s+([a-zA-Z-]+)(?:=\"[^\"]*\")?)+\\s*>")]
    private static partial Regex AttributeNames();

    [GeneratedRegex("\\b(href|src|action|formaction|data)\\s*=\\s*\"([^\"]*)\"")]
    private static partial Regex UrlAttributes();
}
