using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Osprey.Server.Dashboard;

/// <summary>
/// Minimal server-side HTML: every dynamic value goes through <c>E</c> (HTML-encoded);
/// pages carry a strict Content-Security-Policy with no script at all.
/// </summary>
internal static class Html
{
    public const string Css = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
        header{background:#0b3954;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center}
        header a{color:#fff} main{padding:1rem;max-width:72rem}
        table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1rem}
        th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
        pre{background:#fff;border:1px solid #d0d7de;padding:.5rem;overflow:auto;white-space:pre-wrap}
        .bar{background:#bf1a2f;height:.8rem;display:inline-block} .muted{color:#57606a} .ok{color:#1a7f37} .bad{color:#bf1a2f}
        form.inline{display:inline} input,select,button{font:inherit;margin:.1rem}
        """;

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string E(object? value) => E(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));

    public static IResult Page(string title, string body, string? nav = null)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" · Osprey</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/dashboard/style.css\"></head><body><header><strong>Osprey</strong>");
        html.Append(nav ?? "").Append("</header><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return new HtmlResult(html.ToString());
    }

    /// <summary>A hidden anti-forgery field for a form.</summary>
    public static string Csrf(Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";

    private sealed class HtmlResult(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync(html, http.RequestAborted);
        }
    }
}
