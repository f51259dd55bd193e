using System.Globalization;
using System.Text;

namespace Osprey.Server.Disclosure;

/// <summary>Text shared by the exports: dates, identifiers and the technical details of a finding.</summary>
internal static class DisclosureText
{
    public static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Technical details: location, trace and proof. Held back until the details release.</summary>
    public static string TechnicalDetails(DisclosureCase c)
    {
        var f = c.Finding;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Location: {f.Location}").AppendLine();
        for (var i = 0; i < f.Trace.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {f.Trace[i].Location}: {f.Trace[i].Description}").AppendLine();
        }

        if (f.Verification.Proof is { } proof)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Proof via {proof.EntryPoint}: payload {proof.Payload}; observed {proof.Observed}").AppendLine();
        }

        return sb.ToString().TrimEnd();
    }
}
