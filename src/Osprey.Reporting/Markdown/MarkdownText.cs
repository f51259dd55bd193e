using System.Text;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Markdown;

/// <summary>
/// Escaping for GitHub-flavoured Markdown. Every piece of text that comes from the scanned code or
/// from a proof goes through here, so that a snippet cannot open an HTML element, end a
/// <c>&lt;details&gt;</c> block, break a table, add a link or mention a user.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Escapes text for use inside a paragraph, heading, list item or table cell, on one line.</summary>
    public static string Inline(string? text, int maxLength = int.MaxValue)
    {
        var line = Shorten(ReportText.OneLine(text), maxLength);
        var builder = new StringBuilder(line.Length + 16);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                // An entity rather than a backslash: GitHub still turns \@name into a mention.
                case '@': builder.Append("&#64;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '|' or '~' or '!' or '{' or '}':
                    builder.Append('\\').Append(c);
                    break;
                case '-' or '+' or '=' when i == 0:
                    builder.Append('\\').Append(c);
                    break;
                case '.' or ')' when IsAfterLeadingDigits(line, i):
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>An inline code span that holds <paramref name="text"/> literally, whatever backticks it contains.</summary>
    public static string Code(string? text, int maxLength = int.MaxValue)
    {
        // Inside a table even a code span ends at '|'; the tables here hold no code spans.
        var line = Shorten(ReportText.OneLine(text), maxLength);
        var fence = new string('`', LongestRun(line, '`') + 1);
        var pad = line.StartsWith('`') || line.EndsWith('`') ? " " : "";
        return fence + pad + line + pad + fence;
    }

    /// <summary>
    /// Appends a fenced code block whose fence is longer than any backtick run in the text, with
    /// every line (fences included) indented by <paramref name="indent"/> spaces.
    /// </summary>
    public static void AppendCodeBlock(StringBuilder builder, string? text, string language, int indent, int maxLength)
    {
        var block = Shorten(ReportText.Block(text), maxLength);
        var fence = new string('`', Math.Max(3, LongestRun(block, '`') + 1));
        var padding = new string(' ', indent);
        builder.Append(padding).Append(fence).Append(language).Append('\n');
        foreach (var line in block.Split('\n'))
        {
            builder.Append(padding).Append(line).Append('\n');
        }

        builder.Append(padding).Append(fence).Append('\n');
    }

    /// <summary>The fenced-code language for a file: <c>csharp</c>, <c>c</c>, <c>cpp</c> or none.</summary>
    public static string LanguageOf(string filePath) => Path.GetExtension(filePath).ToLowerInvariant() switch
    {
        ".cs" => "csharp",
        ".c" or ".h" => "c",
        ".cc" or ".cpp" or ".cxx" or ".hpp" or ".hh" or ".hxx" => "cpp",
        _ => "",
    };

    private static string Shorten(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), " … (", (text.Length - maxLength).ToString(System.Globalization.CultureInfo.InvariantCulture), " more characters)");

    private static bool IsAfterLeadingDigits(string text, int index)
    {
        if (index == 0)
        {
            return false;
        }

        for (var i = 0; i < index; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int LongestRun(string text, char c)
    {
        var longest = 0;
        var current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
