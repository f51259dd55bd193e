using System.Security.Cryptography;
using System.Text;

namespace Osprey.Core.Findings;

/// <summary>
/// Computes a finding's fingerprint from what identifies it and not from where it happens to sit:
/// the rule, the file, the enclosing member, the whitespace-normalised text of the sink line and
/// of the source line, and the members the trace passes through. Line numbers are left out so that lines added above do not change it;
/// editing the vulnerable line does.
/// </summary>
public static class FindingFingerprint
{
    /// <summary>The SARIF <c>partialFingerprints</c> key under which the value is published.</summary>
    public const string SarifKey = "osprey/v1";

    /// <summary>Computes the fingerprint (32 lower-case hex characters) for <paramref name="finding"/>.</summary>
    public static string Compute(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var builder = new StringBuilder(256);
        builder.Append(finding.RuleId).Append('\n');
        builder.Append(finding.Location.FilePath).Append('\n');
        builder.Append(StripParameters(finding.Location.Member)).Append('\n');
        AppendNormalized(builder, finding.Location.Snippet);
        builder.Append('\n');
        if (!finding.Trace.IsDefaultOrEmpty && finding.Trace[0].Kind == TraceStepKind.Source)
        {
            var source = finding.Trace[0].Location;
            builder.Append(source.FilePath).Append('\n');
            AppendNormalized(builder, source.Snippet);
            builder.Append('\n');
        }

        // The members a path passes through tell apart flows that share their source and sink;
        // members, not lines, so that edits elsewhere in those members leave the print alone.
        if (!finding.Trace.IsDefaultOrEmpty)
        {
            string? previous = null;
            foreach (var step in finding.Trace)
            {
                var member = StripParameters(step.Location.Member);
                if (member.Length > 0 && member != previous)
                {
                    builder.Append(step.Location.FilePath).Append(':').Append(member).Append('\n');
                    previous = member;
                }
            }
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// Disambiguates equal fingerprints (the same line text twice in one member) by appending the
    /// occurrence index in source order, so every finding of a scan has a distinct fingerprint.
    /// </summary>
    public static IReadOnlyList<Finding> AssignAll(IEnumerable<Finding> findings)
    {
        var withPrint = findings
            .Select(f => string.IsNullOrEmpty(f.Fingerprint) ? f with { Fingerprint = Compute(f) } : f)
            .OrderBy(f => f.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.Location.StartLine)
            .ThenBy(f => f.Location.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < withPrint.Count; i++)
        {
            var print = withPrint[i].Fingerprint;
            if (seen.TryGetValue(print, out var count))
            {
                seen[print] = count + 1;
                withPrint[i] = withPrint[i] with { Fingerprint = $"{print}:{count + 1}" };
            }
            else
            {
                seen[print] = 0;
            }
        }

        return withPrint;
    }

    // Parameter lists change when an unrelated overload is added; the member name alone is steadier.
    private static string StripParameters(string? member)
    {
        if (member is null)
        {
            return "";
        }

        var paren = member.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? member : member[..paren];
    }

    private static void AppendNormalized(StringBuilder builder, string? text)
    {
        if (text is null)
        {
            return;
        }

        var pendingSpace = false;
        var started = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = started;
                continue;
            }

            started = true;

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }
    }
}
