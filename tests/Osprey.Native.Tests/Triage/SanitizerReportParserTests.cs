using Osprey.Core.Findings;
using Osprey.Native.Triage;

namespace Osprey.Native.Tests.Triage;

public sealed class SanitizerReportParserTests
{
    // Excerpts of real reports from clang 19 (addresses shortened), one per shape the parser reads.
    private const string StackOverflowNextToAnotherVariable = """
        ==2053==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x7fa606e00052 at pc 0x555d2a4909a6 bp 0x7ffd55253e50 sp 0x7ffd55253610
        WRITE of size 100 at 0x7fa606e00052 thread T0
        SCARINESS: 60 (multi-byte-write-stack-buffer-overflow)
            #0 0x555d2a4909a5 in __asan_memmove (/tmp/t+0xc99a5) (BuildId: 7aa1ff85)
            #1 0x555d2a4cfc49 in copy_name /src/names.c:40:9
            #2 0x555d2a4cfd73 in main /src/names.c:128:5

        DEDUP_TOKEN: __asan_memmove--copy_name--main
        Address 0x7fa606e00052 is located in stack of thread T0 at offset 226 in frame
            #0 0x555d2a4cfabf in copy_name /src/names.c:24

          This frame has 3 object(s):
            [32, 132) 'source' (line 36)
            [176, 226) 'name' (line 26)
            [272, 372) 'other' (line 27) <== Memory access at offset 226 partially underflows this variable
        SUMMARY: AddressSanitizer: stack-buffer-overflow (/tmp/t+0xc99a5) in __asan_memmove
        """;

    private const string DoubleFree = """
        ==7==ERROR: AddressSanitizer: attempting double-free on 0x602000000010 in thread T0:
        SCARINESS: 42 (double-free)
            #0 0x4a0d72 in free (/tmp/f+0x4a0d72)
            #1 0x4d0e53 in release_buffer /src/release.c:16:9
        DEDUP_TOKEN: free--release_buffer
        SUMMARY: AddressSanitizer: double-free (/tmp/f+0x4a0d72) in free
        """;

    private const string SignedUnderflow = """
        /src/calc.c:7:21: runtime error: signed integer overflow: -2147483648 - 1 cannot be represented in type 'int'
            #0 0x55c3 in decrement /src/calc.c:7:21
            #1 0x55c4 in LLVMFuzzerTestOneInput /tmp/h.c:30:5
        SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /src/calc.c:7:21
        """;

    private const string NullSegv = """
        ==9==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000 (pc 0x55 bp 0x7f sp 0x7f T0)
        ==9==The signal is caused by a READ memory access.
        ==9==Hint: address points to the zero page.
            #0 0x55 in lookup /src/lookup.c:17:16
        SUMMARY: AddressSanitizer: SEGV /src/lookup.c:17:16 in lookup
        """;

    [Fact]
    public void Parse_StackAccessRunningOffTheEndOfAVariable_IsAnOverflowNotAnUnderflow()
    {
        var report = SanitizerReportParser.Parse(StackOverflowNextToAnotherVariable)!;

        Assert.Equal("stack-buffer-overflow", report.Kind);
        Assert.False(report.BeforeObject);
        Assert.Equal("WRITE", report.Access);
        Assert.Equal(100, report.AccessSize);
        Assert.Equal(60, report.Scariness);
        Assert.Equal("__asan_memmove--copy_name--main", report.DedupToken);
        Assert.Equal(new StackFrame(1, "copy_name", "/src/names.c", 40, 9), report.CrashFrame);
        Assert.Equal("c/stack-buffer-overflow", CrashClassifier.Classify(report).RuleId);
    }

    [Fact]
    public void Classify_DoubleFree_IsCwe415AndHigh()
    {
        var crash = CrashClassifier.Classify(SanitizerReportParser.Parse(DoubleFree)!);

        Assert.Equal("c/double-free", crash.RuleId);
        Assert.Equal([415], crash.Cwes.ToArray());
        Assert.Equal(Severity.High, crash.Severity);
    }

    [Fact]
    public void Classify_SubtractionBelowTheMinimum_IsIntegerUnderflow()
    {
        var report = SanitizerReportParser.Parse(SignedUnderflow)!;

        Assert.Equal(SanitizerTool.UndefinedBehaviorSanitizer, report.Tool);
        Assert.Equal("decrement", report.CrashFrame!.Function);
        Assert.Equal([191], CrashClassifier.Classify(report).Cwes.ToArray());
    }

    [Theory]
    [InlineData("of value 128 (32-bit, signed) to type 'char' changed the value to -128 (8-bit, signed)", "c/integer-overflow", 190)]
    [InlineData("of value -32769 (32-bit, signed) to type 'short' changed the value to 32767 (16-bit, signed)", "c/integer-underflow", 191)]
    public void Classify_NarrowArithmeticThatDoesNotFitBack_IsOverflowOrUnderflowBySign(string conversion, string rule, int cwe)
    {
        var output = $"/src/c.c:5:16: runtime error: implicit conversion from type 'int' {conversion}\n    #0 0x55 in bump /src/c.c:5:16\n";

        var crash = CrashClassifier.Classify(SanitizerReportParser.Parse(output)!);

        Assert.Equal(rule, crash.RuleId);
        Assert.Equal([cwe, 197], crash.Cwes.ToArray());
    }

    [Fact]
    public void Classify_SegvInTheZeroPage_IsNullDereference()
    {
        var report = SanitizerReportParser.Parse(NullSegv)!;

        Assert.True(report.NullAddress);
        Assert.Equal("READ", report.Access);
        Assert.Equal("c/null-dereference", CrashClassifier.Classify(report).RuleId);
    }

    [Fact]
    public void Parse_NonFatalUbsanReportBeforeATimeout_IsTheTimeout()
    {
        const string output = """
            src/core/ngx_string.c:84:5: runtime error: null pointer passed as argument 2, which is declared to never be null
                #0 0x55b8 in ngx_pstrdup /src/core/ngx_string.c:84:5
            SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior src/core/ngx_string.c:84:5
            ==41== ERROR: libFuzzer: timeout after 10 seconds
                #0 0x55c0 in ngx_http_parse_line /src/http/parse.c:90:3
            SUMMARY: libFuzzer: timeout
            """;

        var report = SanitizerReportParser.Parse(output);

        Assert.Equal("timeout", report?.Kind);
    }

    [Fact]
    public void Parse_OutputWithoutASanitizerReport_IsNull()
    {
        Assert.Null(SanitizerReportParser.Parse("INFO: Seed: 1\nDone 10 runs in 0 second(s)\n"));
    }

    private const string StackReadPastTheEnd = """
        ==4211==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x7f1c2e900152 at pc 0x55d1 bp 0x7ffd sp 0x7ffd
        READ of size 1 at 0x7f1c2e900152 thread T0
            #0 0x55d1 in print_name /src/names.c:12:20
            #1 0x55d2 in main /src/names.c:30:5
        Address 0x7f1c2e900152 is located in stack of thread T0 at offset 82 in frame
            #0 0x55d0 in print_name /src/names.c:8

          This frame has 1 object(s):
            [32, 82) 'name' (line 9) <== Memory access at offset 82 overflows this variable
        SUMMARY: AddressSanitizer: stack-buffer-overflow /src/names.c:12:20 in print_name
        """;

    private const string OverlappingMemcpy = """
        ==1082==ERROR: AddressSanitizer: memcpy-param-overlap: memory ranges [0x7ff204800040,0x7ff2048000a3) and [0x7ff2048000a0, 0x7ff204800103) overlap
            #0 0x55e1 in __asan_memcpy (/tmp/c+0x10d1e1)
            #1 0x55e2 in copy_name /src/names.c:21:9
        Address 0x7ff204800040 is located in stack of thread T0
        SUMMARY: AddressSanitizer: memcpy-param-overlap (/tmp/c+0x10d1e1) in __asan_memcpy
        """;

    [Fact]
    public void Classify_StackReadPastTheEnd_IsAnOverreadNotAStackOverflow()
    {
        var crash = CrashClassifier.Classify(SanitizerReportParser.Parse(StackReadPastTheEnd)!);

        Assert.Equal("c/stack-buffer-overflow", crash.RuleId);
        Assert.Equal([126, 125], crash.Cwes.ToArray());
        Assert.Equal(Severity.Medium, crash.Severity);
    }

    [Fact]
    public void Classify_MemcpyBetweenOverlappingBuffers_IsOverlappingCopy()
    {
        var report = SanitizerReportParser.Parse(OverlappingMemcpy)!;
        var crash = CrashClassifier.Classify(report);

        Assert.Equal("memcpy-param-overlap", report.Kind);
        Assert.Equal("c/overlapping-copy", crash.RuleId);
        Assert.Equal([475, 119], crash.Cwes.ToArray());
        Assert.Equal("memcpy between overlapping buffers", crash.Summary);
    }
}
