using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Osprey.Native.Triage;

/// <summary>
/// Reads AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer reports from a process's
/// standard error. Returns null when the output holds no report (the program did not crash in a
/// way a sanitizer explains).
/// </summary>
internal static partial class SanitizerReportParser
{
    private const int ExcerptLimit = 6000;

    [GeneratedRegex(@"ERROR: AddressSanitizer: (?<kind>[\w-]+)(?: on (?:unknown )?address (?<addr>0x[0-9a-f]+))?(?<rest>.*)$", RegexOptions.Multiline)]
    private static partial Regex AsanError();

    [GeneratedRegex(@"^(?<access>READ|WRITE) of size (?<size>\d+)", RegexOptions.Multiline)]
    private static partial Regex AsanAccess();

    [GeneratedRegex(@"The signal is caused by a (?<access>READ|WRITE) memory access", RegexOptions.Multiline)]
    private static partial Regex SegvAccess();

    [GeneratedRegex(@"^SCARINESS: (?<score>\d+) \((?<what>[^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex Scariness();

    [GeneratedRegex(@"^DEDUP_TOKEN: (?<token>.+)$", RegexOptions.Multiline)]
    private static partial Regex Dedup();

    [GeneratedRegex(@"^(?<loc>\S+?):(?<line>\d+):(?<col>\d+): runtime error: (?<message>.+)$", RegexOptions.Multiline)]
    private static partial Regex UbsanError();

    [GeneratedRegex(@"^==\d+== ERROR: libFuzzer: (?<kind>[\w -]+?)(?: \(|$)", RegexOptions.Multiline)]
    private static partial Regex FuzzerError();

    [GeneratedRegex(@"^\s*#(?<index>\d+) 0x[0-9a-f]+ in (?<function>.+?)(?: (?<file>/[^:\s]+|[^\s(][^:\s]*\.(?:c|cc|cpp|cxx|h|hpp|inc)):(?<line>\d+)(?::(?<col>\d+))?| \(.*\))?\s*$", RegexOptions.Multiline)]
    private static partial Regex Frame();

    public static SanitizerReport? Parse(string output)
    {
        if (AsanError().Match(output) is { Success: true } asan)
        {
            return ParseAsan(output, asan);
        }

        // A libFuzzer error after a UBSan report means the report did not stop the program (UBSan
        // was not fatal, as for a target with benign undefined behaviour on every input): the later
        // error (a timeout, a signal, an exit) is what ended it.
        if (UbsanError().Match(output) is { Success: true } ubsan && !FuzzerError().Match(output, ubsan.Index).Success)
        {
            return ParseUbsan(output, ubsan);
        }

        if (FuzzerError().Match(output) is { Success: true } fuzzer)
        {
            var kind = fuzzer.Groups["kind"].Value.Trim().Replace(' ', '-');
            kind = kind.StartsWith("timeout", StringComparison.Ordinal) ? "timeout" : kind; // "timeout after 10 seconds"
            return new SanitizerReport
            {
                Tool = SanitizerTool.LibFuzzer,
                Kind = kind,
                Headline = fuzzer.Value.Trim(),
                Frames = FramesAfter(output, fuzzer.Index),
                Excerpt = ExcerptFrom(output, fuzzer.Index),
            };
        }

        return null;
    }

    private static SanitizerReport ParseAsan(string output, Match error)
    {
        var start = error.Index;
        var kind = error.Groups["kind"].Value;
        if (kind == "attempting")
        {
            // "attempting double-free on 0x…", "attempting free on address which was not malloc()-ed".
            kind = error.Groups["rest"].Value.TrimStart().StartsWith("double-free", StringComparison.Ordinal) || error.Value.Contains("double-free", StringComparison.Ordinal)
                ? "double-free" : "bad-free";
        }

        var access = AsanAccess().Match(output, start);
        var segv = SegvAccess().Match(output, start);
        var scary = Scariness().Match(output, start);
        var dedup = Dedup().Match(output, start);
        var address = error.Groups["addr"].Success ? ulong.Parse(error.Groups["addr"].Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : ulong.MaxValue;
        var tail = output[start..];
        return new SanitizerReport
        {
            Tool = SanitizerTool.AddressSanitizer,
            Kind = kind,
            Headline = error.Value.Trim(),
            Access = access.Success ? access.Groups["access"].Value : segv.Success ? segv.Groups["access"].Value : null,
            AccessSize = access.Success ? int.Parse(access.Groups["size"].Value, CultureInfo.InvariantCulture) : 0,
            Scariness = scary.Success ? int.Parse(scary.Groups["score"].Value, CultureInfo.InvariantCulture) : 0,
            ScarinessDescription = scary.Success ? scary.Groups["what"].Value : null,
            BeforeObject = IsBeforeObject(tail),
            NullAddress = kind == "SEGV" && (address < 4096 || tail.Contains("address points to the zero page", StringComparison.Ordinal)),
            Frames = FramesAfter(output, start),
            DedupToken = dedup.Success ? dedup.Groups["token"].Value.Trim() : null,
            Excerpt = ExcerptFrom(output, start),
        };
    }

    [GeneratedRegex(@"at offset (?<offset>\d+) in frame")]
    private static partial Regex FrameOffset();

    [GeneratedRegex(@"^\s+\[(?<start>\d+), (?<end>\d+)\) '", RegexOptions.Multiline)]
    private static partial Regex FrameObject();

    // A stack access between two variables is reported as "partially underflows" the next one
    // even when it runs off the end of the previous one; the nearer variable decides.
    private static bool IsBeforeObject(string tail)
    {
        if (tail.Split('\n').Any(l => l.Contains("<== Memory access", StringComparison.Ordinal) && l.Contains(" overflows this variable", StringComparison.Ordinal)))
        {
            return false;
        }

        if (FrameOffset().Match(tail) is { Success: true } offsetMatch)
        {
            var offset = long.Parse(offsetMatch.Groups["offset"].Value, CultureInfo.InvariantCulture);
            var objects = FrameObject().Matches(tail)
                .Select(m => (Start: long.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture), End: long.Parse(m.Groups["end"].Value, CultureInfo.InvariantCulture)))
                .ToList();
            if (objects.Count > 0)
            {
                var after = objects.Where(o => o.End <= offset).Select(o => offset - o.End).DefaultIfEmpty(long.MaxValue).Min();
                var before = objects.Where(o => o.Start > offset).Select(o => o.Start - offset).DefaultIfEmpty(long.MaxValue).Min();
                return before < after;
            }
        }

        return tail.Contains(" bytes before ", StringComparison.Ordinal) || tail.Contains(" to the left of ", StringComparison.Ordinal)
            || tail.Contains("underflows this variable", StringComparison.Ordinal);
    }

    private static SanitizerReport ParseUbsan(string output, Match error)
    {
        var message = error.Groups["message"].Value.Trim();
        var dedup = Dedup().Match(output, error.Index);
        var frames = FramesAfter(output, error.Index);
        if (frames.IsEmpty)
        {
            // Without print_stacktrace the location on the error line is the only frame.
            frames = [new StackFrame(0, "", error.Groups["loc"].Value, int.Parse(error.Groups["line"].Value, CultureInfo.InvariantCulture), int.Parse(error.Groups["col"].Value, CultureInfo.InvariantCulture))];
        }

        return new SanitizerReport
        {
            Tool = SanitizerTool.UndefinedBehaviorSanitizer,
            Kind = UbsanKind(message),
            Headline = message,
            NullAddress = message.Contains("null pointer", StringComparison.Ordinal),
            Frames = frames,
            DedupToken = dedup.Success ? dedup.Groups["token"].Value.Trim() : null,
            Excerpt = ExcerptFrom(output, error.Index),
        };
    }

    private static string UbsanKind(string message) => message switch
    {
        _ when message.StartsWith("signed integer overflow", StringComparison.Ordinal) => "signed-integer-overflow",
        _ when message.StartsWith("unsigned integer overflow", StringComparison.Ordinal) => "unsigned-integer-overflow",
        _ when message.StartsWith("negation of", StringComparison.Ordinal) => "signed-integer-overflow",
        _ when message.StartsWith("division by zero", StringComparison.Ordinal) => "division-by-zero",
        _ when message.StartsWith("shift exponent", StringComparison.Ordinal) || message.StartsWith("left shift", StringComparison.Ordinal) => "shift-out-of-bounds",
        _ when message.Contains("null pointer", StringComparison.Ordinal) => "null-pointer-use",
        _ when message.StartsWith("index ", StringComparison.Ordinal) => "index-out-of-bounds",
        _ when message.StartsWith("implicit conversion", StringComparison.Ordinal) => "implicit-conversion",
        _ when message.Contains("is outside the range of representable values", StringComparison.Ordinal) => "float-cast-overflow",
        _ when message.Contains("misaligned", StringComparison.Ordinal) => "misaligned-access",
        _ => "undefined-behavior",
    };

    private static ImmutableArray<StackFrame> FramesAfter(string output, int start)
    {
        var frames = ImmutableArray.CreateBuilder<StackFrame>();
        foreach (Match match in Frame().Matches(output, start))
        {
            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            if (index == 0 && frames.Count > 0)
            {
                break; // the second stack (allocation, free) starts; the first is the crash.
            }

            frames.Add(new StackFrame(
                index,
                match.Groups["function"].Value.Trim(),
                match.Groups["file"].Success ? match.Groups["file"].Value : null,
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0,
                match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : 0));
        }

        return frames.ToImmutable();
    }

    private static string ExcerptFrom(string output, int start)
    {
        var lineStart = output.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var summary = output.IndexOf("SUMMARY:", start, StringComparison.Ordinal);
        var end = summary < 0 ? output.Length : output.IndexOf('\n', summary) is var nl and >= 0 ? nl : output.Length;
        var text = output[lineStart..end];
        return text.Length > ExcerptLimit ? text[..ExcerptLimit] + "\n…" : text;
    }
}
