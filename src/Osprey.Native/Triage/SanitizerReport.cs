using System.Collections.Immutable;

namespace Osprey.Native.Triage;

/// <summary>Which tool reported a crash.</summary>
internal enum SanitizerTool
{
    AddressSanitizer = 0,
    UndefinedBehaviorSanitizer = 1,
    LibFuzzer = 2,
}

/// <summary>
/// A parsed sanitizer report: what went wrong (kind, read or write, size), how bad
/// (ASan's scariness score), where (the first stack), and the dedup token.
/// </summary>
internal sealed record SanitizerReport
{
    public required SanitizerTool Tool { get; init; }

    /// <summary>The bug kind as the sanitizer names it: <c>heap-buffer-overflow</c>, <c>signed-integer-overflow</c>, <c>SEGV</c>, <c>timeout</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The sanitizer's one-line description (the ERROR or runtime error line).</summary>
    public required string Headline { get; init; }

    /// <summary><c>READ</c>, <c>WRITE</c> or null when the report does not say.</summary>
    public string? Access { get; init; }

    /// <summary>The access size in bytes, or 0.</summary>
    public int AccessSize { get; init; }

    /// <summary>ASan's scariness score (0–100+), or 0 when not printed.</summary>
    public int Scariness { get; init; }

    /// <summary>ASan's scariness description, e.g. <c>4-byte-write-heap-buffer-overflow</c>.</summary>
    public string? ScarinessDescription { get; init; }

    /// <summary>Whether the access was before the start of the object (underflow).</summary>
    public bool BeforeObject { get; init; }

    /// <summary>Whether the faulting address was in the zero page (a null dereference).</summary>
    public bool NullAddress { get; init; }

    /// <summary>The first stack trace, innermost frame first.</summary>
    public ImmutableArray<StackFrame> Frames { get; init; } = [];

    /// <summary>The first DEDUP_TOKEN line's value, or null.</summary>
    public string? DedupToken { get; init; }

    /// <summary>The report text, from the ERROR line to SUMMARY (bounded).</summary>
    public required string Excerpt { get; init; }

    /// <summary>The first frame in the program's own code (not sanitizer or libFuzzer runtime), or the top frame.</summary>
    public StackFrame? CrashFrame => Frames.FirstOrDefault(f => !f.IsRuntime) ?? Frames.FirstOrDefault();

    /// <summary>
    /// The identity used to deduplicate: the kind plus the dedup token, or the kind plus the top
    /// three program frames when there is no token.
    /// </summary>
    public string Signature =>
        Kind + "|" + (DedupToken ?? string.Join("--", Frames.Where(f => !f.IsRuntime).Take(3).Select(f => f.Function)));
}
