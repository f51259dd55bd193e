namespace Osprey.Native.Sandbox;

/// <summary>
/// Instrumented wide-string functions linked into every sanitizer build. AddressSanitizer 19
/// intercepts <c>wcslen</c>, <c>wcscat</c> and <c>wcsncat</c> but not <c>wcscpy</c>,
/// <c>wcsncpy</c> or the <c>wmem*</c> functions, so an overflow through them goes unseen in
/// uninstrumented libc. These plain loops, compiled with the sanitizers and
/// <c>-fno-builtin</c> (so the compiler does not turn them back into library calls), take their
/// place in the program and every access they make is checked.
/// </summary>
internal static class WideStringChecks
{
    public const string FileName = "osprey_wide_checks.c";

    public const string Source = """
        #include <stddef.h>
        #include <wchar.h>

        wchar_t *wcscpy(wchar_t *restrict dest, const wchar_t *restrict src) {
            wchar_t *start = dest;
            while ((*dest++ = *src++) != 0) {
            }
            return start;
        }

        wchar_t *wcsncpy(wchar_t *restrict dest, const wchar_t *restrict src, size_t n) {
            size_t i = 0;
            for (; i < n && src[i] != 0; i++) dest[i] = src[i];
            for (; i < n; i++) dest[i] = 0;
            return dest;
        }

        wchar_t *wmemcpy(wchar_t *restrict dest, const wchar_t *restrict src, size_t n) {
            for (size_t i = 0; i < n; i++) dest[i] = src[i];
            return dest;
        }

        wchar_t *wmemmove(wchar_t *dest, const wchar_t *src, size_t n) {
            if (dest < src) {
                for (size_t i = 0; i < n; i++) dest[i] = src[i];
            } else {
                for (size_t i = n; i-- > 0;) dest[i] = src[i];
            }
            return dest;
        }

        wchar_t *wmemset(wchar_t *dest, wchar_t c, size_t n) {
            for (size_t i = 0; i < n; i++) dest[i] = c;
            return dest;
        }

        """;
}
