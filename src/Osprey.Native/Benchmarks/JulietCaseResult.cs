using System.Collections.Immutable;

namespace Osprey.Native.Benchmarks;

/// <summary>What happened to one Juliet case.</summary>
public sealed record JulietCaseResult
{
    /// <summary>The case name, e.g. <c>CWE121_Stack_Based_Buffer_Overflow__char_type_overrun_memcpy_01</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The CWE the case belongs to.</summary>
    public required int Cwe { get; init; }

    /// <summary>Why the case did not build, or null when it built.</summary>
    public string? BuildError { get; init; }

    /// <summary>Whether the bad function crashed under the sanitizers (a confirmed bad case).</summary>
    public bool BadConfirmed { get; init; }

    /// <summary>Whether the good function crashed (a false positive; must never happen).</summary>
    public bool GoodFlagged { get; init; }

    /// <summary>When the good function crashed: the input, the sanitizer's kind and headline, and the faulting line.</summary>
    public string? GoodCrash { get; init; }

    /// <summary>The CWEs Osprey's triage assigned to the bad crash.</summary>
    public ImmutableArray<int> ClassifiedCwes { get; init; } = [];

    /// <summary>The rule Osprey's triage assigned, or null.</summary>
    public string? RuleId { get; init; }

    /// <summary>Whether cppcheck warned on the bad-only build.</summary>
    public bool? CppcheckBad { get; init; }

    /// <summary>Whether cppcheck warned on the good-only build.</summary>
    public bool? CppcheckGood { get; init; }

    /// <summary>Whether the clang static analyzer warned on the bad-only build.</summary>
    public bool? ClangAnalyzerBad { get; init; }

    /// <summary>Whether the clang static analyzer warned on the good-only build.</summary>
    public bool? ClangAnalyzerGood { get; init; }

    /// <summary>Whether the bad path reads standard input (the benchmark then tries a few inputs).</summary>
    public bool ReadsInput { get; init; }
}
