using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Osprey.Reporting.Html;

/// <summary>
/// The stylesheet and script every HTML report inlines, and the Content-Security-Policy that
/// allows exactly these two blocks by their SHA-256 hashes and nothing else: no other script, no
/// inline handler, no external resource, no form target.
/// </summary>
internal static class HtmlAssets
{
    public static string Css { get; } = Load("Osprey.Reporting.Html.report.css");

    public static string Script { get; } = Load("Osprey.Reporting.Html.report.js");

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Css)}'; script-src '{Hash(Script)}'; img-src 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The CSP source expression for <paramref name="text"/>: <c>sha256-&lt;base64&gt;</c>.</summary>
    public static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Load(string name)
    {
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource '{name}' is missing from {typeof(HtmlAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
