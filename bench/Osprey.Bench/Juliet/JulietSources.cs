namespace Osprey.Bench.Juliet;

/// <summary>
/// The bad sources Juliet's injection cases use, as they appear in case names. A gap in recall
/// often has one cause per source (a source model is missing), so results are broken down by it.
/// </summary>
internal static class JulietSources
{
    /// <summary>The known sources, longest first so that <c>Params_Get_Web</c> wins over shorter names.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "QueryString_Web", "Params_Get_Web", "Get_Cookies_Web", "Connect_tcp", "Listen_tcp",
        "NetClient", "Environment", "Database", "ReadLine", "File",
    ];

    /// <summary>The label for cases whose name names none of the known sources.</summary>
    public const string Other = "other";

    /// <summary>
    /// The source named in the functional part of <paramref name="caseName"/> (after <c>__</c>),
    /// matched on whole underscore-separated words.
    /// </summary>
    public static string Of(string caseName)
    {
        var separator = caseName.IndexOf("__", StringComparison.Ordinal);
        var functional = "_" + (separator >= 0 ? caseName[(separator + 2)..] : caseName) + "_";
        foreach (var source in Known)
        {
            if (functional.Contains("_" + source + "_", StringComparison.Ordinal))
            {
                return source;
            }
        }

        return Other;
    }
}
