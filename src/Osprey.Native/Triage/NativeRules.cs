using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.Native.Triage;

/// <summary>The native engine's rules: one per crash class, plus the static analyzer's catch-all.</summary>
internal static class NativeRules
{
    public static ImmutableArray<Rule> All { get; } =
    [
        Make("c/stack-buffer-overflow", "StackBufferOverflow", [121, 787], Severity.High, "A write or read past the end of a stack buffer",
            "The program accesses memory past the end of a local array. A write can overwrite the return address or neighbouring variables and lead to code execution; a read discloses them (CWE-126).",
            "Bound every copy by the destination's size.\n\n```c\n// before\nmemcpy(buf, data, len);\n// after\nif (len > sizeof buf) return -1;\nmemcpy(buf, data, len);\n```"),
        Make("c/heap-buffer-overflow", "HeapBufferOverflow", [122, 787], Severity.High, "A write or read past the end of a heap buffer",
            "The program accesses memory past the end of a heap allocation. Writes corrupt allocator metadata or adjacent objects; reads disclose memory (CWE-126).",
            "Allocate for the real length, including the terminator, and check indexes against it.\n\n```c\nchar *copy = malloc(len + 1);\nif (!copy) return NULL;\nmemcpy(copy, src, len);\ncopy[len] = '\\0';\n```"),
        Make("c/buffer-underwrite", "BufferUnderwrite", [124, 786], Severity.High, "A write before the start of a buffer",
            "The program writes to memory before the start of a buffer, typically through a negative index or a pointer moved backwards.",
            "Reject negative indexes and check pointer arithmetic against the buffer's start.\n\n```c\nif (i < 0 || (size_t)i >= len) return -1;\nbuf[i] = v;\n```"),
        Make("c/buffer-underread", "BufferUnderread", [127, 786], Severity.Medium, "A read before the start of a buffer",
            "The program reads memory before the start of a buffer, disclosing neighbouring data.",
            "Check that an index or pointer stays at or after the buffer's start before reading.\n\n```c\nif (pos == 0) return -1;\nc = buf[pos - 1];\n```"),
        Make("c/buffer-overflow", "BufferOverflow", [787, 125], Severity.High, "An access outside a global or dynamic buffer",
            "The program reads or writes outside the bounds of a global or variable-length buffer.",
            "Check the index against the buffer's element count (`sizeof a / sizeof a[0]`) before the access."),
        Make("c/use-after-free", "UseAfterFree", [416], Severity.High, "Memory is used after it was freed",
            "The program reads or writes memory that was already freed. An attacker who can shape the heap can place their own data there and often gain code execution.",
            "Set pointers to NULL after `free` and make ownership explicit.\n\n```c\nfree(p);\np = NULL;\n```"),
        Make("c/stack-use-after-scope", "StackUseAfterScope", [562, 416], Severity.High, "A stack variable is used after its scope ended",
            "The program uses the address of a local variable after the function returned or the block ended.",
            "Return heap memory or take a caller-provided buffer instead of the address of a local."),
        Make("c/double-free", "DoubleFree", [415], Severity.High, "Memory is freed twice",
            "The program frees the same allocation twice, which corrupts the allocator and can lead to code execution.",
            "Free each allocation on exactly one path and clear the pointer.\n\n```c\nfree(p);\np = NULL; /* free(NULL) is a no-op */\n```"),
        Make("c/invalid-free", "InvalidFree", [590, 763], Severity.High, "Memory not allocated by malloc is freed",
            "The program passes a pointer to `free` (or `delete`) that did not come from the matching allocator.",
            "Free only what the matching allocator returned, at its original address."),
        Make("c/null-dereference", "NullDereference", [476], Severity.Medium, "A null pointer is dereferenced",
            "The program dereferences a null pointer, crashing it (denial of service).",
            "Check results that can be NULL (allocation, lookups, parsing) before using them.\n\n```c\nnode_t *n = find(key);\nif (n == NULL) return -1;\n```"),
        Make("c/wild-memory-access", "WildMemoryAccess", [119], Severity.High, "Memory at an invalid address is accessed",
            "The program reads or writes through a pointer to unmapped memory, usually computed from attacker data.",
            "Validate offsets and lengths read from the input before using them in pointer arithmetic."),
        Make("c/uncontrolled-recursion", "UncontrolledRecursion", [674], Severity.Medium, "Recursion exhausts the stack",
            "Nested input makes the program recurse until the stack overflows (denial of service).",
            "Bound the nesting depth and fail cleanly past it."),
        Make("c/resource-exhaustion", "ResourceExhaustion", [400], Severity.Low, "An input makes the program hang or exhaust memory",
            "A small input makes the program run for a very long time or allocate without bound (denial of service).",
            "Cap sizes and iteration counts taken from the input."),
        Make("c/integer-overflow", "IntegerOverflow", [190], Severity.Medium, "An integer computation overflows",
            "An arithmetic result does not fit its type. Used as a size or index, the wrapped value leads to buffer overflows.",
            "Check before computing: `if (a > INT_MAX - b) return -1;`, or use `__builtin_add_overflow`.\n\n```c\nsize_t total;\nif (__builtin_mul_overflow(count, size, &total)) return NULL;\n```"),
        Make("c/integer-underflow", "IntegerUnderflow", [191], Severity.Medium, "An integer computation goes below its type's minimum",
            "A subtraction or negative product does not fit its type; as a length it becomes huge.",
            "Check before subtracting: `if (len < header) return -1; len -= header;`."),
        Make("c/integer-truncation", "IntegerTruncation", [197, 681], Severity.Low, "A value is truncated or changes sign in a conversion",
            "A value is converted to a narrower or differently signed type and changes.",
            "Check the range before converting, or keep the wider type."),
        Make("c/divide-by-zero", "DivideByZero", [369], Severity.Medium, "A division by zero",
            "The divisor comes from the input and can be zero, which crashes the program (SIGFPE) or is undefined.",
            "Check the divisor: `if (d == 0) return -1;`."),
        Make("c/shift-out-of-bounds", "ShiftOutOfBounds", [1335], Severity.Low, "A shift by a negative amount or by the type's width or more",
            "The shift amount comes from the input; the result is undefined.",
            "Check `0 <= n && n < width` before shifting."),
        Make("c/array-index-out-of-bounds", "ArrayIndexOutOfBounds", [129, 787], Severity.High, "An array index is out of bounds",
            "An index taken from the input is used without checking it against the array's size.",
            "Check `0 <= i && i < count` before indexing."),
        Make("c/crash", "SanitizerCrash", [], Severity.Medium, "A sanitizer reported a memory-safety or undefined-behaviour error",
            "A sanitizer stopped the program on an input; the report names the problem.",
            "Read the sanitizer report in the proof and fix the faulting line."),
        Make("c/static-analyzer", "StaticAnalyzerWarning", [], Severity.Low, "The clang static analyzer reports a possible defect",
            "The clang static analyzer found a path on which the program may misbehave. It is a candidate until a fuzzer or a test proves it.",
            "Follow the analyzer's path in the trace and add the missing check."),
    ];

    private static Rule Make(string id, string name, int[] cwes, Severity severity, string shortDescription, string fullDescription, string help) => new()
    {
        Id = id,
        Name = name,
        Cwes = [.. cwes],
        DefaultSeverity = severity,
        ShortDescription = shortDescription,
        FullDescription = fullDescription,
        Help = help,
        Tags = ["memory-safety", "native"],
    };
}
