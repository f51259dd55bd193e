using System.Text.RegularExpressions;

namespace Osprey.Bench.Proof;

/// <summary>Reduces a verifier's reason to its kind for counting: the first two clauses, without file locations, numbers or quoted values.</summary>
internal static partial class ReasonKinds
{
    [GeneratedRegex(@" at [^ ]+\.cs[:\d]*|'[^']*'|\d+")]
    private static partial Regex Specifics();

    public static string Of(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "(no reason given)";
        }

        var clauses = reason.Split(':', 3);
        var kind = Specifics().Replace(string.Join(":", clauses.Take(2)), m => m.Value.StartsWith(' ') ? "" : m.Value.StartsWith('\'') ? "'…'" : "N");
        return kind.Length > 110 ? kind[..110] + "…" : kind.Trim();
    }
}
