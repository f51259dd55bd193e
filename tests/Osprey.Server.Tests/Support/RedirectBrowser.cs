using System.Net;
using System.Text.RegularExpressions;

namespace Osprey.Server.Tests.Support;

/// <summary>
/// An HttpClient that behaves like a browser for redirect flows: it keeps cookies, follows
/// redirects itself (across hosts, as a browser does) and records every URL it visited.
/// </summary>
internal sealed partial class RedirectBrowser : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public List<Uri> Visited { get; } = [];

    public async Task<HttpResponseMessage> GetAsync(Uri url) => await FollowAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Get, url)));

    public async Task<HttpResponseMessage> PostFormAsync(Uri url, Dictionary<string, string> form) =>
        await FollowAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) }));

    /// <summary>The anti-forgery token of the form posting to <paramref name="action"/> on the page.</summary>
    public static string CsrfToken(string html, string action)
    {
        var form = html[html.IndexOf($"action=\"{action}\"", StringComparison.Ordinal)..];
        return WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is 301 or 302 or 303 or 307; hops++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response.Dispose();
            response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, next));
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        Visited.Add(request.RequestUri!);
        return await _client.SendAsync(request);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__osprey_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
