using Microsoft.Playwright;
using Osprey.Server.Tests.Abuse;
using Osprey.Server.Tests.Disclosure;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Dashboard;

/// <summary>
/// The operator's disclosure and abuse-review pages in headless Chromium (Debian's <c>chromium</c>;
/// without it these tests pass vacuously and say so, like <see cref="DashboardBrowserTests"/>).
/// </summary>
public sealed class DisclosureAndAbuseBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Operator_SignsOffACaseAndSeesItOnTheTimeline()
    {
        if (await LaunchAsync() is not var (playwright, browser)) return;
        using var _ = playwright;
        await using var __ = browser;
        await using var server = await OspreyTestServer.StartAsync();
        var (_, _, ids) = await DisclosureServerTests.OpenCasesAsync(server, "a");
        var page = await SignInAsync(browser, server, server.OperatorKey);

        await page.GotoAsync(new Uri(server.BaseAddress, "/dashboard/operator/disclosure").ToString());
        await page.ClickAsync($"#cases tr[data-case='{ids[0]}'] a");
        var form = page.Locator("#sign-off-form");
        await form.Locator("input[name=reviewer]").FillAsync("Rita <b>Reviewer</b>");
        await form.Locator("input[name=note]").FillAsync("trace read");
        await form.Locator("input[name=maintainerChannel]").FillAsync("security@libthird.test");
        await form.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync("#sign-off");

        Assert.Contains("Rita <b>Reviewer</b>", await page.InnerTextAsync("#sign-off"), StringComparison.Ordinal);
        Assert.Contains("under_investigation", await page.InnerTextAsync("#revisions"), StringComparison.Ordinal);
        Assert.Contains("security@libthird.test", await page.InnerTextAsync("#case"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_RefusedTransition_SeesTheReasonOnTheCasePage()
    {
        if (await LaunchAsync() is not var (playwright, browser)) return;
        using var _ = playwright;
        await using var __ = browser;
        await using var server = await OspreyTestServer.StartAsync();
        var (_, _, ids) = await DisclosureServerTests.OpenCasesAsync(server, "a");
        var page = await SignInAsync(browser, server, server.OperatorKey);

        await page.GotoAsync(new Uri(server.BaseAddress, $"/dashboard/operator/disclosure/{ids[0]}").ToString());
        var form = page.Locator("#status-form");
        await form.Locator("select[name=status]").SelectOptionAsync("not_affected");
        await form.Locator("input[name=actor]").FillAsync("Rita");
        await form.Locator("input[name=summary]").FillAsync("not reachable");
        await form.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync("#error");

        Assert.Contains("justification", await page.InnerTextAsync("#error"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("under_investigation", (await page.InnerTextAsync("#state")).Trim());
    }

    [Fact]
    public async Task Operator_ApprovesFromTheReviewQueueWithTheEvidenceShown()
    {
        if (await LaunchAsync() is not var (playwright, browser)) return;
        using var _ = playwright;
        await using var __ = browser;
        await using var server = await OspreyTestServer.StartAsync(configure: o => o with { Abuse = new AbuseMonitoringOptions() });
        await AbuseServerTests.SubmitOutOfScopeAsync(server);
        await AbuseServerTests.RunMonitorAsync(server);
        var page = await SignInAsync(browser, server, server.OperatorKey);

        await page.GotoAsync(new Uri(server.BaseAddress, "/dashboard/operator/abuse").ToString());
        var row = page.Locator("#queue tr[data-case]");
        var evidence = await row.InnerTextAsync();
        await row.Locator("input[name=operatorName]").FillAsync("Olga");
        await row.Locator("input[name=note]").FillAsync("contractor's test data");
        await row.Locator("button[value=approve]").ClickAsync();
        await page.WaitForSelectorAsync("#decided tr[data-case]");

        Assert.Contains("scope", evidence, StringComparison.Ordinal);
        Assert.Contains("match none of the organisation's", evidence, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#queue tr[data-case]").CountAsync());
        Assert.Contains("Olga", await page.InnerTextAsync("#decided"), StringComparison.Ordinal);
    }

    private static async Task<(IPlaywright, IBrowser)?> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            Console.WriteLine($"SKIPPED dashboard browser test: {Chromium} is missing (apt-get install -y chromium).");
            return null;
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, OspreyTestServer server, string key)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "/dashboard/login").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/dashboard/operator");
        return page;
    }
}
