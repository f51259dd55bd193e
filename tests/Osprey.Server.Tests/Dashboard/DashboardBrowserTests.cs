using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Osprey.Core.Scanning;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium (Debian's <c>chromium</c> package, driven by Playwright
/// through its executable path; no browser download). Without /usr/bin/chromium these tests
/// pass vacuously and say so on the console: install it with <c>apt-get install -y chromium</c>.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    internal static async Task<(IPlaywright, IBrowser)?> LaunchAsync()
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

    private static async Task SignInAsync(IPage page, Uri baseAddress, string key)
    {
        await page.GotoAsync(new Uri(baseAddress, "/dashboard/login").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#sign-in");
    }

    [Fact]
    public async Task Organisation_SignsInSeesScansAndFindingWithRedactedProof()
    {
        if (await LaunchAsync() is not var (playwright, browser)) return;
        using var _ = playwright;
        await using var __ = browser;
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Dash <script>alert(1)</script>");
        var asset = (await server.RegisterAssetAsync(admin, "dash-lib")).GetProperty("id").GetGuid();
        var scan = await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("<b>x</b>"))), "main",
            query: "threatModels=" + string.Join(',', ScanOptions.AllThreatModels));
        var viewer = await server.CreateKeyAsync(admin, "viewer");
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; d.DismissAsync(); };

        await SignInAsync(page, server.BaseAddress, viewer);
        await page.WaitForSelectorAsync("#scans");
        await page.ClickAsync($"a[href='/dashboard/scans/{scan.GetProperty("id")}']");
        await page.WaitForSelectorAsync("#findings");
        Assert.Equal(string.Join(", ", ScanOptions.AllThreatModels), await page.InnerTextAsync("#threat-models"));
        await page.ClickAsync("#findings a");
        await page.WaitForSelectorAsync("#trace");

        Assert.Contains("EXEC( called with input", await page.InnerTextAsync("#trace"), StringComparison.Ordinal);
        Assert.Contains("EXEC(<b>x</b>);", await page.InnerTextAsync("#trace"), StringComparison.Ordinal);
        Assert.Contains("requires the exploit-cleared grant", await page.InnerTextAsync("#payload"), StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Operator_ActivatesAnApplicantFromTheVettingQueue()
    {
        if (await LaunchAsync() is not var (playwright, browser)) return;
        using var _ = playwright;
        await using var __ = browser;
        await using var server = await OspreyTestServer.StartAsync();
        var applied = await server.Client().PostAsJsonAsync("/api/v1/organisations/applications", new { name = "Applicant GmbH", contactEmail = "sec@applicant.test", purpose = "scan our SDK" });
        var id = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisation").GetProperty("id").GetGuid();
        var page = await browser.NewPageAsync();

        await SignInAsync(page, server.BaseAddress, server.OperatorKey);
        var row = page.Locator($"#queue tr[data-org='{id}']");
        await row.Locator("select[name=action]").SelectOptionAsync("activate");
        await row.Locator("input[name=operatorName]").FillAsync("Olga");
        await row.Locator("input[name=evidence]").FillAsync("signed contract 2026-11");
        await row.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync($"#organisations tr[data-org='{id}']");

        Assert.Equal("active", (await page.InnerTextAsync($"#organisations tr[data-org='{id}'] .status")).Trim());
        await page.GotoAsync(new Uri(server.BaseAddress, "/dashboard/operator/audit").ToString());
        Assert.StartsWith("Intact", await page.InnerTextAsync("#audit-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_FormPostWithoutAntiforgeryToken_IsRefused()
    {
        await using var server = await OspreyTestServer.StartAsync();
        using var client = server.Client();

        var response = await client.PostAsync("/dashboard/login", new FormUrlEncodedContent([new("key", server.OperatorKey)]));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Contains("Set-Cookie") ? response.Headers.GetValues("Set-Cookie").FirstOrDefault(c => c.StartsWith("osprey.session", StringComparison.Ordinal)) : null);
    }
}
