namespace Osprey.Server.Disclosure;

/// <summary>Names of the CWEs Osprey's rules report (MITRE's CWE list); CSAF requires a name beside each id.</summary>
internal static class CweNames
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [20] = "Improper Input Validation",
        [22] = "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')",
        [78] = "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
        [79] = "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
        [89] = "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')",
        [90] = "Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection')",
        [94] = "Improper Control of Generation of Code ('Code Injection')",
        [119] = "Improper Restriction of Operations within the Bounds of a Memory Buffer",
        [120] = "Buffer Copy without Checking Size of Input ('Classic Buffer Overflow')",
        [121] = "Stack-based Buffer Overflow",
        [122] = "Heap-based Buffer Overflow",
        [125] = "Out-of-bounds Read",
        [134] = "Use of Externally-Controlled Format String",
        [190] = "Integer Overflow or Wraparound",
        [287] = "Improper Authentication",
        [327] = "Use of a Broken or Risky Cryptographic Algorithm",
        [328] = "Use of Weak Hash",
        [415] = "Double Free",
        [416] = "Use After Free",
        [476] = "NULL Pointer Dereference",
        [502] = "Deserialization of Untrusted Data",
        [601] = "URL Redirection to Untrusted Site ('Open Redirect')",
        [611] = "Improper Restriction of XML External Entity Reference",
        [643] = "Improper Neutralization of Data within XPath Expressions ('XPath Injection')",
        [787] = "Out-of-bounds Write",
        [798] = "Use of Hard-coded Credentials",
        [862] = "Missing Authorization",
        [918] = "Server-Side Request Forgery (SSRF)",
        [1333] = "Inefficient Regular Expression Complexity",
    };

    public static string? Find(int cwe) => Names.GetValueOrDefault(cwe);
}
