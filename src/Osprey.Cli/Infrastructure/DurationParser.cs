using System.Globalization;

namespace Osprey.Cli;

/// <summary>Parses durations written as people write them: <c>90s</c>, <c>10m</c>, <c>1h</c>, <c>1h30m</c>, or <c>00:10:00</c>.</summary>
internal static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        try
        {
            return TryParseCore(text, out duration);
        }
        catch (OverflowException)
        {
            duration = TimeSpan.Zero;
            return false;
        }
    }

    private static bool TryParseCore(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim().ToLowerInvariant();
        if (text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            return duration >= TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var number = 0L;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                number = checked((number * 10) + (c - '0'));
                digits++;
                continue;
            }

            if (digits == 0)
            {
                return false;
            }

            total += c switch
            {
                'h' => TimeSpan.FromHours(number),
                'm' => TimeSpan.FromMinutes(number),
                's' => TimeSpan.FromSeconds(number),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero)
            {
                return false;
            }

            number = 0;
            digits = 0;
        }

        if (digits > 0)
        {
            total += TimeSpan.FromSeconds(number);
        }

        duration = total;
        return true;
    }
}
