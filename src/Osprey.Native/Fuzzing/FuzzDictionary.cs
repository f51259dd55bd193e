using System.Globalization;
using System.Text;
using Osprey.Native.Recon;

namespace Osprey.Native.Fuzzing;

/// <summary>
/// Builds a libFuzzer dictionary from the code's literals: string literals (magic words, keywords,
/// format markers) and integer constants that comparisons check (in little- and big-endian bytes
/// and as decimal text). Small numbers are left out: the fuzzer finds them alone; so are log and
/// error messages.
/// </summary>
internal static class FuzzDictionary
{
    private const int MaxEntries = 512;
    private const int MaxStringBytes = 64;

    /// <summary>The dictionary entries (raw bytes), most useful first, without duplicates.</summary>
    public static IReadOnlyList<byte[]> Extract(IEnumerable<NativeLiteral> literals, IReadOnlySet<string>? functions = null)
    {
        var entries = new List<byte[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(byte[] bytes)
        {
            if (bytes.Length > 0 && entries.Count < MaxEntries && seen.Add(Convert.ToHexString(bytes)))
            {
                entries.Add(bytes);
            }
        }

        var relevant = literals.Where(l => functions is null || functions.Contains(l.Function)).ToList();
        foreach (var literal in relevant.Where(l => l.Kind == NativeLiteralKind.String))
        {
            if (Unescape(literal.Text) is { Length: > 0 and <= MaxStringBytes } bytes && !IsFormatOnly(bytes) && !IsMessage(bytes))
            {
                Add(bytes);
            }
        }

        foreach (var literal in relevant.Where(l => l.Kind == NativeLiteralKind.Integer && l.Value is >= 256 or <= -256))
        {
            var value = literal.Value;
            var width = value is >= short.MinValue and <= ushort.MaxValue ? 2 : value is >= int.MinValue and <= uint.MaxValue ? 4 : 8;
            var little = BitConverter.GetBytes(value)[..width];
            Add(little);
            Add([.. little.Reverse()]);
            Add(Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> in libFuzzer's dictionary format (<c>"\xNN"</c> escapes).</summary>
    public static string Render(IEnumerable<byte[]> entries)
    {
        var text = new StringBuilder();
        var i = 0;
        foreach (var entry in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"osprey_{i++}=\"");
            foreach (var b in entry)
            {
                if (b is >= 0x20 and < 0x7f && b != '"' && b != '\\')
                {
                    text.Append((char)b);
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
                }
            }

            text.Append("\"\n");
        }

        return text.ToString();
    }

    // printf formats and messages with only a conversion ("%d\n") teach the fuzzer nothing.
    private static bool IsFormatOnly(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        return text.Trim().Length == 0 || text.StartsWith('%') && text.Length <= 4;
    }

    // Log and error messages ("client sent invalid header line: \"%V\"") are prose the input never
    // contains; in a large project they would fill the dictionary before the keywords do.
    private static bool IsMessage(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var spaces = text.Count(c => c == ' ');
        return spaces >= 3 || spaces >= 1 && text.Contains('%', StringComparison.Ordinal);
    }

    /// <summary>Decodes a C string literal's spelling (with quotes and an optional prefix) into bytes.</summary>
    public static byte[]? Unescape(string spelling)
    {
        var start = spelling.IndexOf('"', StringComparison.Ordinal);
        var end = spelling.LastIndexOf('"');
        if (start < 0 || end <= start || start > 2)
        {
            return null;
        }

        var body = spelling[(start + 1)..end];
        var bytes = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var e = body[++i];
            switch (e)
            {
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7':
                    var octal = 0;
                    var digits = 0;
                    while (digits < 3 && i < body.Length && body[i] is >= '0' and <= '7')
                    {
                        octal = octal * 8 + (body[i++] - '0');
                        digits++;
                    }

                    i--;
                    bytes.Add((byte)octal);
                    break;
                case 'x':
                    var hex = 0;
                    var n = 0;
                    while (i + 1 < body.Length && Uri.IsHexDigit(body[i + 1]) && n < 2)
                    {
                        hex = hex * 16 + Convert.ToInt32(body[++i].ToString(), 16);
                        n++;
                    }

                    bytes.Add((byte)hex);
                    break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'v': bytes.Add(11); break;
                default: bytes.Add((byte)e); break;
            }
        }

        return [.. bytes];
    }
}
