using System.Globalization;

namespace Osprey.Reporting.Internal;

/// <summary>Names and links for CWE entries.</summary>
internal static class CweLinks
{
    public static string Name(int cwe) => "CWE-" + cwe.ToString(CultureInfo.InvariantCulture);

    public static string Url(int cwe) =>
        "https://cwe.mitre.org/data/definitions/" + cwe.ToString(CultureInfo.InvariantCulture) + ".html";
}
