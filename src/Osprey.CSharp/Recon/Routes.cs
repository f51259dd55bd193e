namespace Osprey.CSharp.Recon;

/// <summary>Route template arithmetic as ASP.NET does it.</summary>
internal static class Routes
{
    /// <summary>
    /// Appends <paramref name="template"/> to <paramref name="prefix"/>; a template starting with
    /// <c>/</c> or <c>~/</c> is absolute and replaces the prefix. The result starts with <c>/</c>.
    /// </summary>
    public static string Combine(string? prefix, string? template)
    {
        var t = (template ?? "").Trim();
        if (t.StartsWith("~/", StringComparison.Ordinal))
        {
            return Normalize(t[1..]);
        }

        if (t.StartsWith('/'))
        {
            return Normalize(t);
        }

        var p = (prefix ?? "").Trim().TrimEnd('/');
        return Normalize(t.Length == 0 ? p : p + "/" + t);
    }

    /// <summary>Appends a minimal-API pattern to a route-group prefix: group patterns are always relative, even with a leading <c>/</c>.</summary>
    public static string Append(string? prefix, string? pattern) =>
        Normalize((prefix ?? "").Trim().TrimEnd('/') + "/" + (pattern ?? "").Trim().TrimStart('/'));

    /// <summary>Replaces <c>[controller]</c>, <c>[action]</c> and <c>[area]</c> tokens.</summary>
    public static string ReplaceTokens(string route, string controller, string action) =>
        route.Replace("[controller]", controller, StringComparison.OrdinalIgnoreCase)
            .Replace("[action]", action, StringComparison.OrdinalIgnoreCase)
            .Replace("[area]/", "", StringComparison.OrdinalIgnoreCase)
            .Replace("[area]", "", StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string route)
    {
        var trimmed = route.Trim().TrimEnd('/');
        return trimmed.StartsWith('/') ? (trimmed.Length == 0 ? "/" : trimmed) : "/" + trimmed;
    }
}
