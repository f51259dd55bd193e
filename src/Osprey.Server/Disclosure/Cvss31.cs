namespace Osprey.Server.Disclosure;

/// <summary>
/// CVSS 3.1 base score from a vector string (FIRST's specification, section 7.1), for the
/// CSAF <c>cvss_v3</c> object, which needs the score and severity beside the vector.
/// </summary>
internal static class Cvss31
{
    /// <summary>Parses and scores a base vector; false for anything that is not a complete CVSS:3.1 base vector.</summary>
    public static bool TryScore(string? vector, out double score, out string severity)
    {
        score = 0;
        severity = "NONE";
        if (vector is null || !vector.StartsWith("CVSS:3.1/", StringComparison.Ordinal)) return false;
        var m = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in vector["CVSS:3.1/".Length..].Split('/'))
        {
            var kv = part.Split(':');
            if (kv.Length != 2 || !m.TryAdd(kv[0], kv[1])) return false;
        }

        if (!TryGet(m, "S", out var s) || s is not ("U" or "C")) return false;
        var changed = s == "C";
        double? av = Pick(m, "AV", ("N", .85), ("A", .62), ("L", .55), ("P", .2));
        double? ac = Pick(m, "AC", ("L", .77), ("H", .44));
        double? pr = Pick(m, "PR", ("N", .85), ("L", changed ? .68 : .62), ("H", changed ? .5 : .27));
        double? ui = Pick(m, "UI", ("N", .85), ("R", .62));
        double? c = Pick(m, "C", ("H", .56), ("L", .22), ("N", 0));
        double? i = Pick(m, "I", ("H", .56), ("L", .22), ("N", 0));
        double? a = Pick(m, "A", ("H", .56), ("L", .22), ("N", 0));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null) return false;

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        score = impact <= 0 ? 0 : RoundUp(Math.Min((changed ? 1.08 : 1) * (impact + exploitability), 10));
        severity = score switch { 0 => "NONE", < 4 => "LOW", < 7 => "MEDIUM", < 9 => "HIGH", _ => "CRITICAL" };
        return true;
    }

    /// <summary>The specification's Roundup, which avoids floating-point artefacts (Appendix A).</summary>
    private static double RoundUp(double value)
    {
        var n = (long)Math.Round(value * 100000);
        return n % 10000 == 0 ? n / 100000.0 : (Math.Floor(n / 10000.0) + 1) / 10.0;
    }

    private static bool TryGet(Dictionary<string, string> m, string key, out string value) => m.TryGetValue(key, out value!);

    private static double? Pick(Dictionary<string, string> m, string key, params (string Code, double Weight)[] options)
    {
        if (!m.TryGetValue(key, out var code)) return null;
        foreach (var o in options)
        {
            if (o.Code == code) return o.Weight;
        }

        return null;
    }
}
