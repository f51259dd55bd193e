using System.Globalization;
using System.Text;

namespace Osprey.Reporting.Internal;

/// <summary>Formatting shared by the human-readable formats: durations, times and safe one-line text.</summary>
internal static class ReportText
{
    /// <summary>"850 ms", "12.3 s", "4 m 05 s".</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration.TotalSeconds < 1)
        {
            return Math.Max(0, (int)Math.Round(duration.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + " ms";
        }

        if (duration.TotalMinutes < 1)
        {
            return duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }

        return ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " m "
            + duration.Seconds.ToString("00", CultureInfo.InvariantCulture) + " s";
    }

    /// <summary>ISO 8601 UTC with seconds: <c>2026-11-29 02:30:00Z</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds as a whole number, for machine-readable formats.</summary>
    public static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);

    /// <summary>
    /// Makes text safe to show on one line: line breaks become spaces and every other control
    /// character (including ESC, which would start a terminal escape sequence) becomes a visible
    /// <c>\xNN</c>. Attacker strings in payloads and snippets must not drive the viewer.
    /// </summary>
    public static string OneLine(string? text) => Sanitize(text, keepNewlines: false);

    /// <summary>As <see cref="OneLine"/> but keeps <c>\n</c> (and drops <c>\r</c> before it) for multi-line blocks.</summary>
    public static string Block(string? text) => Sanitize(text, keepNewlines: true);

    private static string Sanitize(string? text, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!NeedsSanitizing(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r')
            {
                builder.Append(keepNewlines ? '\n' : ' ');
            }
            else if (c == '\t')
            {
                builder.Append(keepNewlines ? "    " : " ");
            }
            else if (IsControl(c))
            {
                builder.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsSanitizing(string text)
    {
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t' || IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    // C0 controls, DEL and C1 controls (U+009B is a one-byte CSI in some terminals).
    private static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);
}
