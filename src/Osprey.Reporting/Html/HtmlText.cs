using System.Net;
using System.Text;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Html;

/// <summary>HTML encoding for element content and attribute values. Every string from the report goes through here.</summary>
internal static class HtmlText
{
    /// <summary>Encodes <c>&lt; &gt; &amp; " '</c>, and shows control characters as <c>\xNN</c>; line breaks are kept.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(ReportText.Block(text));

    public static StringBuilder Element(this StringBuilder builder, string tag, string? text, string? cssClass = null)
    {
        builder.Append('<').Append(tag);
        if (cssClass is not null)
        {
            builder.Append(" class=\"").Append(cssClass).Append('"');
        }

        return builder.Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
    }
}
