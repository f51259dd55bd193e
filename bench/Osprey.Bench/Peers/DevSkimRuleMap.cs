using System.Collections.Frozen;

namespace Osprey.Bench.Peers;

/// <summary>
/// The CWE of each DevSkim 1.0.103 rule that applies to C#. DevSkim's SARIF carries no CWE
/// numbers, only rule ids and tags, so this table maps them. It was written from the rule
/// definitions embedded in the installed tool (<c>Microsoft.DevSkim.dll</c>: each rule's name,
/// description, tags and <c>applies_to</c> languages); docs/benchmarks.md lists every row with
/// the rule's name. Rules that name no weakness (TLS versions pinned in code, unsafe blocks,
/// localhost URLs, controller base classes) are left out and ignored by scoring. DevSkim has no
/// rule for C# injection: its only C# rule touching the injection CWEs is DS113854, archive
/// extraction (zip slip, CWE-22).
/// </summary>
internal static class DevSkimRuleMap
{
    /// <summary>The version the table was written for and the bench installs.</summary>
    public const string Version = "1.0.103";

    private static readonly FrozenDictionary<string, int> Rules = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["DS101155"] = 295, // Disabled certificate validation (any language)
        ["DS126187"] = 295, // Disabled certificate validation (C#)
        ["DS106863"] = 327, // Do not use the DES symmetric block cipher (any language)
        ["DS106864"] = 327, // Do not use the DES symmetric block cipher (C#)
        ["DS109501"] = 327, // Do not use the 3DES symmetric block cipher
        ["DS156431"] = 327, // Do not use the RC2 symmetric block cipher
        ["DS187371"] = 327, // A weak cipher mode of operation was used
        ["DS144436"] = 327, // Do not use outdated SSL/TLS protocols (C#)
        ["DS169125"] = 327, // Do not use outdated SSL/TLS protocols (any language)
        ["DS169126"] = 327, // An Outdated or Banned SSL/TLS Protocol is Used
        ["DS109733"] = 328, // Source implementation of a weak/broken cryptography hash function
        ["DS126858"] = 328, // Weak/Broken Hash Algorithm
        ["DS168931"] = 328, // Do not use broken/weak cryptographic hash algorithms
        ["DS197836"] = 331, // Do not take the hash of low-entropy content
        ["DS148264"] = 338, // Do not use weak/non-cryptographic random number generators
        ["DS149435"] = 336, // Do not seed randomness based on system time or a static value
        ["DS117838"] = 798, // Do not store tokens or keys in source code (critical)
        ["DS173237"] = 798, // Do not store tokens or keys in source code (important)
        ["DS173239"] = 798, // Provider access token committed to source
        ["DS173240"] = 798, // Azure storage account key committed to source
        ["DS173238"] = 321, // Private key material committed to source
        ["DS114352"] = 319, // Encryption marked optional (connection string)
        ["DS137138"] = 319, // Insecure URL (http://)
        ["DS610002"] = 319, // HSTS missing required directives
        ["DS132781"] = 611, // XSLT Scripting Enabled (Security Code Scan's SCS0011 counts the same as 611)
        ["DS132782"] = 611, // Do not enable external entity resolution (DtdProcessing.Parse)
        ["DS132783"] = 611, // Do not enable external entity resolution (XmlResolver)
        ["DS425040"] = 502, // Do not deserialize untrusted data (Newtonsoft TypeNameHandling)
        ["DS425070"] = 502, // Do not deserialize untrusted data (BinaryFormatter and kin)
        ["DS425080"] = 502, // Do not deserialize untrusted data (JavaScriptSerializer)
        ["DS113854"] = 22,  // Do not extract untrusted zip archives (entry names with ../)
        ["DS450001"] = 614, // Cookie Secure flag is disabled (.NET)
        ["DS610001"] = 614, // Cookie missing security attributes (Set-Cookie literal)
        ["DS450002"] = 215, // Trace is enabled in system.web
        ["DS450003"] = 489, // Web.config debug is enabled
        ["DS176209"] = 546, // Suspicious comment (TODO, HACK, …)
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The CWE of <paramref name="ruleId"/>, or null for rules the benchmarks ignore.</summary>
    public static int? CweOf(string ruleId) => Rules.TryGetValue(ruleId, out var cwe) ? cwe : null;

    /// <summary>Every mapped rule, for documentation and tests.</summary>
    public static IEnumerable<KeyValuePair<string, int>> All => Rules.OrderBy(r => r.Key, StringComparer.Ordinal);
}
