namespace Osprey.Native.Triage;

/// <summary>One frame of a sanitizer stack trace.</summary>
/// <param name="Index">The frame number (#0 innermost).</param>
/// <param name="Function">The function, demangled when the symbolizer ran.</param>
/// <param name="File">The source file, or null when the frame has no debug information.</param>
/// <param name="Line">The line, or 0.</param>
/// <param name="Column">The column, or 0.</param>
internal sealed record StackFrame(int Index, string Function, string? File, int Line, int Column)
{
    /// <summary>Runtime frames (sanitizer interceptors, libFuzzer, libc start-up) are not the bug's place.</summary>
    public bool IsRuntime =>
        Function.StartsWith("__asan", StringComparison.Ordinal) || Function.StartsWith("__ubsan", StringComparison.Ordinal)
        || Function.StartsWith("__interceptor", StringComparison.Ordinal) || Function.StartsWith("___interceptor", StringComparison.Ordinal)
        || Function.StartsWith("__sanitizer", StringComparison.Ordinal) || Function.StartsWith("fuzzer::", StringComparison.Ordinal)
        || Function.StartsWith("__libc_", StringComparison.Ordinal) || Function is "_start" or "main" && File is null
        || File is not null && (File.Contains("/compiler-rt/", StringComparison.Ordinal) || File.StartsWith("/usr/include", StringComparison.Ordinal)
            || File.Contains("csu/", StringComparison.Ordinal) || File.Contains("sysdeps/", StringComparison.Ordinal))
        || File is null && Function is "free" or "malloc" or "calloc" or "realloc" or "memcpy" or "memmove" or "memset" or "strcpy" or "strlen" or "strncpy" or "strcat" or "operator delete(void*)" or "operator delete[](void*)";
}
