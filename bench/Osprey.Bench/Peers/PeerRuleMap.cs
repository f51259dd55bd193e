using System.Collections.Frozen;

namespace Osprey.Bench.Peers;

/// <summary>
/// The CWE each peer rule reports, for the rules that matter to the benchmarks. Security Code
/// Scan's numbers are those its own rule descriptions (Main.yml) give, except the taint rules
/// without one there, which take the obvious CWE; CA3001–CA3012 are the .NET analyzers'
/// "Review code for … vulnerabilities" rules. Rules not listed are ignored by scoring.
/// </summary>
internal static class PeerRuleMap
{
    private static readonly FrozenDictionary<string, int> Rules = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // Security Code Scan 5.6.7
        ["SCS0001"] = 78,   // command injection
        ["SCS0002"] = 89,   // SQL injection
        ["SCS0003"] = 643,  // XPath injection
        ["SCS0004"] = 295,  // certificate validation disabled
        ["SCS0005"] = 338,  // weak random number generator
        ["SCS0006"] = 328,  // weak hashing function
        ["SCS0007"] = 611,  // XML external entities
        ["SCS0008"] = 614,  // cookie without Secure
        ["SCS0009"] = 1004, // cookie without HttpOnly
        ["SCS0010"] = 327,  // weak cipher algorithm
        ["SCS0011"] = 611,  // unsafe XSLT settings
        ["SCS0012"] = 284,  // controller without authorization
        ["SCS0013"] = 327,  // weak cipher mode
        ["SCS0015"] = 259,  // hard-coded password
        ["SCS0016"] = 352,  // CSRF
        ["SCS0018"] = 22,   // path traversal
        ["SCS0026"] = 90,   // LDAP injection (distinguished name)
        ["SCS0027"] = 601,  // open redirect
        ["SCS0028"] = 502,  // unsafe deserialization
        ["SCS0029"] = 79,   // cross-site scripting
        ["SCS0031"] = 90,   // LDAP injection (filter)
        // Microsoft.CodeAnalysis.NetAnalyzers taint rules
        ["CA3001"] = 89,    // SQL injection
        ["CA3002"] = 79,    // XSS
        ["CA3003"] = 22,    // file path injection
        ["CA3004"] = 209,   // information disclosure
        ["CA3005"] = 90,    // LDAP injection
        ["CA3006"] = 78,    // process command injection
        ["CA3007"] = 601,   // open redirect
        ["CA3008"] = 643,   // XPath injection
        ["CA3009"] = 91,    // XML injection
        ["CA3010"] = 91,    // XAML injection (markup the parser will load)
        ["CA3011"] = 114,   // DLL injection
        ["CA3012"] = 730,   // regex injection (ReDoS)
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The CWE of <paramref name="ruleId"/>, or null for rules the benchmarks ignore.</summary>
    public static int? CweOf(string ruleId) => Rules.TryGetValue(ruleId, out var cwe) ? cwe : null;

    /// <summary>Every mapped rule, for documentation.</summary>
    public static IEnumerable<KeyValuePair<string, int>> All => Rules.OrderBy(r => r.Key, StringComparer.Ordinal);
}
