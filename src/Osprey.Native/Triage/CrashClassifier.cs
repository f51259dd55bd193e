using Osprey.Core.Findings;

namespace Osprey.Native.Triage;

/// <summary>
/// Maps a sanitizer report to a rule, CWEs and a severity. Writes are worse than reads (memory
/// corruption against disclosure); use-after-free and double free corrupt the allocator; a null
/// dereference, an arithmetic fault or a hang are denials of service. ASan's scariness score
/// raises severity when it is high.
/// </summary>
internal static class CrashClassifier
{
    public static CrashClass Classify(SanitizerReport report)
    {
        var write = report.Access == "WRITE";
        var what = write ? "write" : "read";
        var size = report.AccessSize > 0 ? $"{report.AccessSize}-byte " : "";
        var result = report.Kind switch
        {
            "stack-buffer-underflow" => Underflow(write, size, "stack"),
            "stack-buffer-overflow" when report.BeforeObject => Underflow(write, size, "stack"),
            // CWE-121 is an overflow that overwrites the stack; reading past a stack buffer is an over-read (CWE-126).
            "stack-buffer-overflow" => new CrashClass("c/stack-buffer-overflow", write ? [121, 787] : [126, 125], write ? Severity.High : Severity.Medium, $"{size}stack buffer overflow ({what})"),
            "heap-buffer-overflow" when report.BeforeObject => Underflow(write, size, "heap"),
            "heap-buffer-overflow" => new CrashClass("c/heap-buffer-overflow", write ? [122, 787] : [126, 125], write ? Severity.High : Severity.Medium, $"{size}heap buffer overflow ({what})"),
            "buffer-underflow" or "dynamic-stack-buffer-overflow" when report.BeforeObject => Underflow(write, size, "stack"),
            "global-buffer-overflow" or "dynamic-stack-buffer-overflow" or "container-overflow" or "intra-object-overflow" =>
                new CrashClass("c/buffer-overflow", write ? [787] : [125], write ? Severity.High : Severity.Medium, $"{size}{report.Kind.Replace('-', ' ')} ({what})"),
            "heap-use-after-free" => new CrashClass("c/use-after-free", [416], Severity.High, $"{size}heap use after free ({what})"),
            "stack-use-after-return" or "stack-use-after-scope" => new CrashClass("c/stack-use-after-scope", [562, 416], write ? Severity.High : Severity.Medium, $"{report.Kind.Replace('-', ' ')} ({what})"),
            "double-free" => new CrashClass("c/double-free", [415], Severity.High, "double free"),
            "attempting" or "bad-free" or "alloc-dealloc-mismatch" or "new-delete-type-mismatch" => new CrashClass("c/invalid-free", [590, 763], Severity.High, "free of memory not allocated by malloc"),
            "SEGV" or "null-pointer-use" when report.NullAddress => new CrashClass("c/null-dereference", [476], Severity.Medium, "null pointer dereference"),
            "SEGV" or "BUS" => new CrashClass("c/wild-memory-access", write ? [787, 119] : [125, 119], write ? Severity.High : Severity.Medium, $"wild memory {what} (SEGV)"),
            "stack-overflow" => new CrashClass("c/uncontrolled-recursion", [674], Severity.Medium, "stack exhaustion by recursion"),
            "allocation-size-too-big" or "calloc-overflow" or "requested-allocation-size-exceeds-maximum-supported-size" or "out-of-memory" or "malloc-limit" or "rss-limit-exceeded" =>
                new CrashClass("c/resource-exhaustion", [789, 400], Severity.Low, "unbounded memory allocation"),
            "timeout" => new CrashClass("c/resource-exhaustion", [835, 400], Severity.Low, "input makes the program hang"),
            "signed-integer-overflow" or "unsigned-integer-overflow" when IsUnderflow(report.Headline) =>
                new CrashClass("c/integer-underflow", [191], Severity.Medium, "integer underflow"),
            "signed-integer-overflow" or "unsigned-integer-overflow" => new CrashClass("c/integer-overflow", [190], Severity.Medium, "integer overflow"),
            "implicit-conversion" when ConvertedValue(report.Headline) is > 0 => new CrashClass("c/integer-overflow", [190, 197], Severity.Medium, "integer overflow of a narrow type"),
            "implicit-conversion" when ConvertedValue(report.Headline) is < 0 => new CrashClass("c/integer-underflow", [191, 197], Severity.Medium, "integer underflow of a narrow type"),
            "implicit-conversion" => new CrashClass("c/integer-truncation", [197, 681], Severity.Low, "integer truncation or sign change"),
            "division-by-zero" => new CrashClass("c/divide-by-zero", [369], Severity.Medium, "division by zero"),
            "FPE" => new CrashClass("c/divide-by-zero", [369], Severity.Medium, "arithmetic exception (division by zero)"),
            "shift-out-of-bounds" => new CrashClass("c/shift-out-of-bounds", [1335], Severity.Low, "shift by an invalid amount"),
            "index-out-of-bounds" => new CrashClass("c/array-index-out-of-bounds", [129, 787], Severity.High, "array index out of bounds"),
            "float-cast-overflow" => new CrashClass("c/integer-overflow", [681], Severity.Low, "floating-point value out of range for the integer type"),
            // "memcpy-param-overlap", "strcpy-param-overlap", …: ASan checks overlap before bounds, so a
            // copy running past its destination into the adjacent source is reported as this.
            var kind when kind.EndsWith("-param-overlap", StringComparison.Ordinal) =>
                new CrashClass("c/overlapping-copy", [475, 119], Severity.Medium, $"{kind[..kind.IndexOf('-', StringComparison.Ordinal)]} between overlapping buffers"),
            _ => new CrashClass("c/crash", [], Severity.Medium, report.Kind.Replace('-', ' ')),
        };
        return report.Scariness >= 50 && result.Severity < Severity.High ? result with { Severity = Severity.High } : result;
    }

    private static CrashClass Underflow(bool write, string size, string region) => write
        ? new CrashClass("c/buffer-underwrite", [124, 786], Severity.High, $"{size}{region} buffer underwrite")
        : new CrashClass("c/buffer-underread", [127, 786], Severity.Medium, $"{size}{region} buffer underread");

    // "implicit conversion from type 'int' of value 128 (32-bit, signed) to type 'char' changed the
    // value to -128 (8-bit, signed)": arithmetic on a char or short is done in int and the result
    // does not fit back; the sign of the int value says whether it went above or below the range.
    private static long? ConvertedValue(string headline)
    {
        var match = System.Text.RegularExpressions.Regex.Match(headline, @"of value (-?\d+) \(\d+-bit, signed\) to type '[^']+' changed the value");
        return match.Success && long.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    // "-2147483648 - 1 cannot be represented", "0 - 1 cannot be represented in type 'unsigned int'",
    // "-1073741824 * 4": a result below the type's minimum is an underflow (CWE-191).
    private static bool IsUnderflow(string headline)
    {
        var colon = headline.IndexOf(':', StringComparison.Ordinal);
        var expression = colon < 0 ? headline : headline[(colon + 1)..].TrimStart();
        if (expression.Contains(" - ", StringComparison.Ordinal))
        {
            return true;
        }

        // A product or sum of a negative operand overflowing goes below the minimum.
        return expression.StartsWith('-') && !expression.Contains(" * -", StringComparison.Ordinal);
    }
}
